-- The points ledger and earned achievements. Every award is unique on (user, reason, ref), so a job
-- delivered twice, or an entry analysed again after an edit, never pays twice.

CREATE TABLE point_transactions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  points INTEGER NOT NULL,
  reason TEXT NOT NULL,
  ref TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX point_transactions_award ON point_transactions (user_id, reason, ref);
CREATE INDEX point_transactions_user_created ON point_transactions (user_id, created_at DESC);

CREATE TABLE achievements (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  earned_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, code)
);

ALTER TABLE settings ADD COLUMN streaks_enabled INTEGER NOT NULL DEFAULT 1;
