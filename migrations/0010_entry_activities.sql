-- What an entry says the person did and who it mentions (issue 9, part 3), read from its words on
-- every write: JSON arrays of lower-case phrases ("run", "call my sister"; "my sister", "sam").
-- `noticed_removed` is what the person took away ({ "activities": [...], "people": [...] }), so that
-- reading the text again after an edit never brings it back. Entries written before this migration
-- start empty and are read on their next edit.
ALTER TABLE entries ADD COLUMN activities TEXT NOT NULL DEFAULT '[]';
ALTER TABLE entries ADD COLUMN people TEXT NOT NULL DEFAULT '[]';
ALTER TABLE entries ADD COLUMN noticed_removed TEXT NOT NULL DEFAULT '{"activities":[],"people":[]}';
