-- The conversational journal: each entry's emotion summary and the reply Tideline gave to it.

ALTER TABLE entries ADD COLUMN is_positive INTEGER;
ALTER TABLE entries ADD COLUMN emotion_scores TEXT;

CREATE TABLE replies (
  id TEXT PRIMARY KEY,
  entry_id TEXT NOT NULL UNIQUE REFERENCES entries(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  -- JSON array of { action, source, evidence } as offered with the reply.
  suggested_actions TEXT NOT NULL,
  tried_action TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX replies_user_created ON replies (user_id, created_at DESC);
