-- Analytics over a person's whole history (issue 11) are SQL aggregates that read one index, never
-- the entries' text. `word_count` is kept by triggers (words are runs of non-blank characters; tabs
-- and line breaks count as spaces), and `entries_analytics` holds every small column the analytics
-- routes add up, so that their queries are covered by it: the entry text is never read for a chart.

ALTER TABLE entries ADD COLUMN word_count INTEGER NOT NULL DEFAULT 0;

-- The words of a text, in SQL: blanks made spaces, trimmed, runs of spaces halved five times (a run
-- of up to 32 spaces becomes one), then one word more than there are spaces. Written three times
-- below (SQLite has no functions of its own): keep the three in step.
UPDATE entries SET word_count = (
  SELECT CASE WHEN c = '' THEN 0 ELSE length(c) - length(replace(c, ' ', '')) + 1 END
  FROM (SELECT replace(replace(replace(replace(replace(trim(replace(replace(replace(content, char(10), ' '), char(13), ' '), char(9), ' ')), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' ') AS c)
);

CREATE TRIGGER entries_word_count_after_insert AFTER INSERT ON entries BEGIN
  UPDATE entries SET word_count = (
    SELECT CASE WHEN c = '' THEN 0 ELSE length(c) - length(replace(c, ' ', '')) + 1 END
    FROM (SELECT replace(replace(replace(replace(replace(trim(replace(replace(replace(new.content, char(10), ' '), char(13), ' '), char(9), ' ')), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' ') AS c)
  ) WHERE seq = new.seq;
END;

CREATE TRIGGER entries_word_count_after_update AFTER UPDATE OF content ON entries BEGIN
  UPDATE entries SET word_count = (
    SELECT CASE WHEN c = '' THEN 0 ELSE length(c) - length(replace(c, ' ', '')) + 1 END
    FROM (SELECT replace(replace(replace(replace(replace(trim(replace(replace(replace(new.content, char(10), ' '), char(13), ' '), char(9), ' ')), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' ') AS c)
  ) WHERE seq = new.seq;
END;

-- Leads with (user_id, created_at) like entries_user_created, so a range (a year, the last 120
-- days) is one seek; the rest are the columns the analytics read.
CREATE INDEX entries_analytics ON entries (
  user_id, created_at, valence, primary_emotion, is_positive, word_count, safety_level, id, activities, people
);
