-- Search by meaning (worker/memories/): one local embedding per entry, for the entry's revision it
-- was made from, as base64 of 384 int8 components. A vector of an older revision or another model is
-- never compared, only replaced (by the insight job, or lazily by a search).
CREATE TABLE entry_embeddings (
  entry_id TEXT PRIMARY KEY NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  model TEXT NOT NULL,
  vector TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE INDEX entry_embeddings_user ON entry_embeddings (user_id, entry_id);

-- On this day leaves out a person's lowest days: their bottom decile of valence is read from this
-- index (an index-only count and offset) rather than by sorting their whole history.
CREATE INDEX entries_user_valence ON entries (user_id, valence);
