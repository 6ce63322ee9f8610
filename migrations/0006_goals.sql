-- Goals: what a person is working towards, broken into steps, with a history of progress. The
-- conversational reply mentions an active goal when an entry touches on it.

CREATE TABLE goals (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  description TEXT,
  life_area TEXT NOT NULL CHECK (life_area IN ('health', 'relationships', 'work', 'growth', 'mind', 'leisure', 'finance', 'other')),
  -- The emotional state the person hopes the goal brings (an Ekman emotion), if they said.
  target_emotion TEXT,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'archived')),
  due_date TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX goals_user_status ON goals (user_id, status, updated_at DESC);

CREATE TABLE goal_tasks (
  id TEXT PRIMARY KEY,
  goal_id TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  done INTEGER NOT NULL DEFAULT 0,
  position INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  done_at INTEGER
);
CREATE INDEX goal_tasks_user_goal ON goal_tasks (user_id, goal_id, position);

CREATE TABLE goal_progress (
  id TEXT PRIMARY KEY,
  goal_id TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  -- 0..100; recorded by hand, or whenever a step is ticked off.
  progress INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
  note TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX goal_progress_user_goal ON goal_progress (user_id, goal_id, created_at DESC);
