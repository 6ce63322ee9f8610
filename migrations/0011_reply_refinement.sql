-- The language-model follow-up to a reply (production only): the refined text that replaces the
-- instant reply, when it was written, and for which revision of the entry, so that a stale job never
-- overwrites the follow-up to a newer revision and a follow-up to old words is never shown.
ALTER TABLE replies ADD COLUMN refined_text TEXT;
ALTER TABLE replies ADD COLUMN refined_at INTEGER;
ALTER TABLE replies ADD COLUMN refined_revision INTEGER;
