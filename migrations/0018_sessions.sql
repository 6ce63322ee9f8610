-- Signed-in devices: one row per refresh-token family (a sign-in), so that a person can see where they
-- are signed in and end a session. The row is written with the family's first token, touched by every
-- rotation (last use, device, approximate place from request.cf) and deleted with the family's
-- revocation. refresh_tokens stays the source of truth for whether a token works.
CREATE TABLE sessions (
  -- The refresh-token family id.
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER NOT NULL,
  -- When the family's newest token expires: a session past it is over even if never revoked.
  expires_at INTEGER NOT NULL,
  user_agent TEXT,
  city TEXT,
  country TEXT
);
CREATE INDEX sessions_user ON sessions (user_id, last_used_at);

-- The families signed in before this migration: none of their tokens revoked, one still unspent.
INSERT INTO sessions (id, user_id, created_at, last_used_at, expires_at)
SELECT family_id, user_id, MIN(created_at), MAX(created_at), MAX(expires_at)
FROM refresh_tokens
GROUP BY family_id, user_id
HAVING COUNT(revoked_at) = 0 AND COUNT(*) > COUNT(rotated_at);
