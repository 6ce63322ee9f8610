-- When a goal was completed (completing it also records 100% progress).
ALTER TABLE goals ADD COLUMN completed_at INTEGER;
