-- "Make this a goal": the goal a reply drafted from an intention the entry states (JSON, parsed with
-- GoalOfferSchema on read), and the goal the person made from it, so the offer is not made twice.
ALTER TABLE replies ADD COLUMN goal_offer TEXT;
ALTER TABLE replies ADD COLUMN goal_id TEXT REFERENCES goals(id) ON DELETE SET NULL;
