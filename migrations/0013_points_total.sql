-- A person's points total, kept by the ledger itself: every award adds to it in the same statement, so
-- reading the total is one row however long the ledger grows (it was a sum over every award).
CREATE TABLE user_points (
  user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  total INTEGER NOT NULL DEFAULT 0
);

INSERT INTO user_points (user_id, total)
  SELECT user_id, sum(points) FROM point_transactions GROUP BY user_id;

CREATE TRIGGER point_transactions_total AFTER INSERT ON point_transactions
BEGIN
  INSERT INTO user_points (user_id, total) VALUES (NEW.user_id, NEW.points)
    ON CONFLICT (user_id) DO UPDATE SET total = total + NEW.points;
END;
