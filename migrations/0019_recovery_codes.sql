-- Recovery without email: ten single-use codes per person, shown once, stored only as keyed hashes
-- (worker/auth/recovery-codes.ts says which hash and why). Generating a new set deletes the old one.
CREATE TABLE recovery_codes (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  -- HMAC-SHA-256 of the person's id and the normalised code, base64url.
  code_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  -- Set by the one statement that spends the code; a used code never works again.
  used_at INTEGER,
  PRIMARY KEY (user_id, code_hash)
) WITHOUT ROWID;
