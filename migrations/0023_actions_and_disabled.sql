-- Action items kept as a person's open intentions (from their insights), and what operators need
-- without reading a journal: a disabled flag on accounts, each person's entry count and last entry
-- kept by triggers (one row per person, never a global counter), and users listed by creation.

CREATE TABLE action_items (
  -- Derived from the entry and the item's words (worker/services/actions.ts), so a re-analysis that
  -- finds the same intention keeps the same row, and whatever the person marked on it.
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  -- The entry revision whose insight wrote it.
  revision INTEGER NOT NULL,
  text TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
  -- A day the words name ("tomorrow", "on Friday"), in the person's time zone; YYYY-MM-DD.
  due_date TEXT,
  -- When a done item was recorded in the emotional graph as a tried action (once).
  credited_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX action_items_user_status ON action_items (user_id, status, created_at, id);
CREATE INDEX action_items_user_created ON action_items (user_id, created_at, id);
CREATE INDEX action_items_entry ON action_items (entry_id, status);

-- Set by an administrator: the account cannot sign in or refresh, and its access tokens stop working.
ALTER TABLE users ADD COLUMN disabled_at INTEGER;
CREATE INDEX users_created ON users (created_at, id);

CREATE TABLE user_activity (
  user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  entries INTEGER NOT NULL DEFAULT 0,
  last_entry_at INTEGER
);

INSERT INTO user_activity (user_id, entries, last_entry_at)
  SELECT user_id, count(*), max(created_at) FROM entries GROUP BY user_id;

CREATE TRIGGER entries_activity_insert AFTER INSERT ON entries
BEGIN
  INSERT INTO user_activity (user_id, entries, last_entry_at) VALUES (NEW.user_id, 1, NEW.created_at)
    ON CONFLICT (user_id) DO UPDATE SET entries = entries + 1, last_entry_at = max(coalesce(last_entry_at, 0), NEW.created_at);
END;

CREATE TRIGGER entries_activity_delete AFTER DELETE ON entries
BEGIN
  UPDATE user_activity SET entries = entries - 1 WHERE user_id = OLD.user_id;
END;
