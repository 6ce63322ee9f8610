-- Idempotency-Key on create routes: a request retried with the same key (an offline entry sent again
-- after a lost answer) gets the first answer back instead of creating a second entry. Per person,
-- kept for 24 hours (worker/services/idempotency.ts says how a key is claimed, finished and released).
CREATE TABLE idempotency_keys (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  idempotency_key TEXT NOT NULL,
  -- SHA-256 of the method, path and body: the same key sent with another request is refused.
  fingerprint TEXT NOT NULL,
  -- NULL while the first request is still being answered.
  status INTEGER,
  content_type TEXT,
  body TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, idempotency_key)
) WITHOUT ROWID;
-- The daily clean-up deletes keys older than a day.
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
