-- Full-text search over entries: an external-content FTS5 index on entries(seq), kept in step by
-- triggers, so the text is stored once and every write to entries updates the index atomically.

CREATE VIRTUAL TABLE entries_fts USING fts5(
  title,
  content,
  content = 'entries',
  content_rowid = 'seq',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER entries_fts_after_insert AFTER INSERT ON entries BEGIN
  INSERT INTO entries_fts (rowid, title, content) VALUES (new.seq, new.title, new.content);
END;

CREATE TRIGGER entries_fts_after_delete AFTER DELETE ON entries BEGIN
  INSERT INTO entries_fts (entries_fts, rowid, title, content)
  VALUES ('delete', old.seq, old.title, old.content);
END;

CREATE TRIGGER entries_fts_after_update AFTER UPDATE OF title, content ON entries BEGIN
  INSERT INTO entries_fts (entries_fts, rowid, title, content)
  VALUES ('delete', old.seq, old.title, old.content);
  INSERT INTO entries_fts (rowid, title, content) VALUES (new.seq, new.title, new.content);
END;
