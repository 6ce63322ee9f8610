-- Deep insights computed in the background (one row per entry, for its newest analysed revision)
-- and weekly summaries; settings gain the weekday a person wants their summary on.

CREATE TABLE insights (
  entry_id TEXT PRIMARY KEY REFERENCES entries(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'ready', 'failed')),
  provider TEXT,
  model TEXT,
  sentiment TEXT,
  primary_emotion TEXT,
  -- JSON: score maps and string lists.
  sentiment_scores TEXT,
  ekman_scores TEXT,
  fine_scores TEXT,
  topics TEXT,
  summary TEXT,
  questions TEXT,
  beliefs TEXT,
  challenges TEXT,
  action_items TEXT,
  error TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX insights_user_status ON insights (user_id, status);
-- For the administrators' list of failed jobs.
CREATE INDEX insights_status_updated ON insights (status, updated_at DESC);

CREATE TABLE weekly_summaries (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  -- The last day of the week summarised, as a date in the person's time zone (YYYY-MM-DD).
  week_end TEXT NOT NULL,
  data TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX weekly_summaries_user_week ON weekly_summaries (user_id, week_end DESC);

ALTER TABLE settings ADD COLUMN weekly_summary_day INTEGER NOT NULL DEFAULT 0 CHECK (weekly_summary_day BETWEEN 0 AND 6);
