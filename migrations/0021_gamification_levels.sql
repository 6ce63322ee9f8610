-- What awards need to know without reading a person's history again: the writing streak (with one
-- missed day a week forgiven, worker/gamification/streaks.ts) kept as entries arrive, and two small
-- records for achievements (weekdays with a morning entry, the first few different activities).
--
-- The streak row is folded forward from entries newer than `through_at`. An entry deleted, written
-- with an earlier time (imports) or moved in time cannot be folded forward: the triggers below bump
-- `changes`, and the next read rebuilds the row from the last 400 days (worker/services/gamification.ts).
-- `built_changes` is the value of `changes` the row was last built at; they differ while it is stale.
CREATE TABLE gamification_progress (
  user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  time_zone TEXT NOT NULL,
  through_at INTEGER NOT NULL DEFAULT 0,
  last_day TEXT,
  run INTEGER NOT NULL DEFAULT 0,
  since_forgiven INTEGER NOT NULL DEFAULT 0,
  forgiven_day TEXT,
  longest INTEGER NOT NULL DEFAULT 0,
  changes INTEGER NOT NULL DEFAULT 0,
  built_changes INTEGER NOT NULL DEFAULT -1,
  -- Bit n set: a morning entry on weekday n (0 = Sunday), in the person's time zone.
  morning_weekdays INTEGER NOT NULL DEFAULT 0,
  -- JSON array of up to seven different activities seen (worker/schemas/gamification.ts).
  activities_seen TEXT NOT NULL DEFAULT '[]'
);

CREATE TRIGGER entries_streak_backdated AFTER INSERT ON entries
WHEN NEW.created_at <= (SELECT through_at FROM gamification_progress WHERE user_id = NEW.user_id)
BEGIN
  UPDATE gamification_progress SET changes = changes + 1 WHERE user_id = NEW.user_id;
END;

CREATE TRIGGER entries_streak_deleted AFTER DELETE ON entries
BEGIN
  UPDATE gamification_progress SET changes = changes + 1 WHERE user_id = OLD.user_id;
END;

CREATE TRIGGER entries_streak_moved AFTER UPDATE OF created_at ON entries
WHEN NEW.created_at <> OLD.created_at
BEGIN
  UPDATE gamification_progress SET changes = changes + 1 WHERE user_id = NEW.user_id;
END;
