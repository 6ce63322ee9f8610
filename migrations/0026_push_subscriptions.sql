-- Web Push for the daily writing reminder: one row per browser that subscribed (its push endpoint and
-- the two keys its messages are encrypted for). A push service answering 404/410 removes the row.
CREATE TABLE push_subscriptions (
  endpoint TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  p256dh TEXT NOT NULL,
  auth TEXT NOT NULL,
  user_agent TEXT,
  created_at INTEGER NOT NULL,
  -- The person's local date of the last reminder sent here: at most one a day.
  last_reminded_on TEXT
) WITHOUT ROWID;
CREATE INDEX push_subscriptions_user ON push_subscriptions (user_id);
