-- Reading the tags of a page of entries (list, one entry, search, every write) filters by person and
-- entry: with only (user_id, tag_id) to use, SQLite read every entry-tag row the person has. This index
-- makes it one seek per entry.
CREATE INDEX entry_tags_user_entry ON entry_tags (user_id, entry_id);
