-- Passkeys (WebAuthn credentials) for signing in without a password, and the challenges the server
-- hands out for registering and signing in: single-use (spent by one DELETE … RETURNING) and short-lived.
CREATE TABLE passkeys (
  -- Our own id, the one routes take (the credential id is the authenticator's and can be long).
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  -- The authenticator's credential id, base64url; what a sign-in names first.
  credential_id TEXT NOT NULL UNIQUE,
  -- The COSE public key, base64url.
  public_key TEXT NOT NULL,
  -- The signature counter last seen (0 for authenticators that keep none).
  counter INTEGER NOT NULL DEFAULT 0,
  -- JSON array of transport hints ("internal", "hybrid", "usb", …), parsed with a schema on read.
  transports TEXT NOT NULL DEFAULT '[]',
  -- 'singleDevice' or 'multiDevice' (a synced passkey), and whether it is backed up.
  device_type TEXT NOT NULL CHECK (device_type IN ('singleDevice', 'multiDevice')),
  backed_up INTEGER NOT NULL DEFAULT 0,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER
);
CREATE INDEX passkeys_user ON passkeys (user_id, created_at);

CREATE TABLE passkey_challenges (
  -- The random challenge, base64url, as the authenticator signs it back in clientDataJSON.
  challenge TEXT PRIMARY KEY,
  purpose TEXT NOT NULL CHECK (purpose IN ('register', 'login')),
  -- Who is registering; NULL for a sign-in (the passkey itself says who it is).
  user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
-- Expired challenges are swept a few at a time when new ones are made.
CREATE INDEX passkey_challenges_expiry ON passkey_challenges (expires_at);
