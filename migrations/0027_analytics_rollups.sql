-- Running totals for the whole-history analytics (issue 11): the summary and the activity and people
-- effects read a handful of rows per person instead of adding up every entry on each request.
-- Triggers keep them exact on every insert, edit and delete, whatever writes the entry (the API, an
-- import, a test), so they can never disagree with the entries. worker/services/analytics*.ts reads
-- them; tests/analytics-rollups.test.ts checks them against a recount after random changes.
--
-- A row's contribution depends only on its own columns, so every trigger takes back the old row's
-- contribution and adds the new one's. Adding goes totals → days → items → day items; taking back goes
-- day items → items → days → totals: an item's share of a day is always the day's mean at that moment.

-- The local day an entry was written on, in the person's time zone (worker/services/zone-days.ts keeps
-- it when the zone changes). SQLite knows no time zones: the person's offsets are spelled out in
-- zone_spans, one row per stretch of one offset, the last one running to the end of time.
ALTER TABLE entries ADD COLUMN local_day TEXT;

CREATE TABLE zone_spans (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- The offset holds for instants before this one (and after the previous row's).
  until_ms INTEGER NOT NULL,
  offset_ms INTEGER NOT NULL,
  PRIMARY KEY (user_id, until_ms)
) WITHOUT ROWID;

-- One row per person.
CREATE TABLE analytics_totals (
  user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  entries INTEGER NOT NULL DEFAULT 0,
  words INTEGER NOT NULL DEFAULT 0,
  valence_sum REAL NOT NULL DEFAULT 0,
  valence_n INTEGER NOT NULL DEFAULT 0,
  -- Local days with an entry.
  days INTEGER NOT NULL DEFAULT 0,
  -- Local days with a reading, and the sum and sum of squares of their mean valence (the baseline of
  -- the effects).
  mood_days INTEGER NOT NULL DEFAULT 0,
  mood_sum REAL NOT NULL DEFAULT 0,
  mood_squares REAL NOT NULL DEFAULT 0,
  -- The time zone the entries' local days were counted in (null: UTC, never set).
  days_zone TEXT
) WITHOUT ROWID;

-- One row per person and local day with an entry (deleted when its last entry goes).
CREATE TABLE analytics_days (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  entries INTEGER NOT NULL DEFAULT 0,
  valence_sum REAL NOT NULL DEFAULT 0,
  valence_n INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, day)
) WITHOUT ROWID;

-- One row per person and thing counted: kind 'activity', 'person' (from the entries' lists), 'tag'
-- (name: the tag's id) or 'topic' (from ready insights of entries that are not crisis entries).
-- `entries` ranks the top lists; days, mood_sum and mood_squares are the effect of an activity or a
-- person: the days with it that have a reading, and their mean valence summed and squared.
CREATE TABLE analytics_items (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  entries INTEGER NOT NULL DEFAULT 0,
  days INTEGER NOT NULL DEFAULT 0,
  mood_sum REAL NOT NULL DEFAULT 0,
  mood_squares REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, kind, name)
) WITHOUT ROWID;

-- Each local day's entries by primary emotion ('' for none), with their valence and how many were
-- read as positive: the mood chart and the year in pixels read at most a row per day and emotion of
-- their range, however many entries it holds.
CREATE TABLE analytics_day_moods (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  emotion TEXT NOT NULL,
  entries INTEGER NOT NULL DEFAULT 0,
  valence_sum REAL NOT NULL DEFAULT 0,
  valence_n INTEGER NOT NULL DEFAULT 0,
  positive INTEGER NOT NULL DEFAULT 0,
  analysed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, day, emotion)
) WITHOUT ROWID;

-- Which activities and people each day's read entries mention, and how many of them (deleted at 0).
CREATE TABLE analytics_day_items (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  entries INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, day, kind, name)
) WITHOUT ROWID;

-- The topics an insight adds to its person's counts (null: none), so that taking them back never
-- depends on the entry, which may already be gone.
ALTER TABLE insights ADD COLUMN topics_counted TEXT;

-- ── the local day ──────────────────────────────────────────────────────────────────────────────
CREATE TRIGGER entries_local_day_insert AFTER INSERT ON entries BEGIN
  UPDATE entries SET local_day = date((new.created_at + coalesce(
    (SELECT offset_ms FROM zone_spans WHERE user_id = new.user_id AND until_ms > new.created_at ORDER BY until_ms LIMIT 1), 0)) / 1000, 'unixepoch')
  WHERE seq = new.seq;
END;

CREATE TRIGGER entries_local_day_moved AFTER UPDATE OF created_at ON entries WHEN old.created_at IS NOT new.created_at BEGIN
  UPDATE entries SET local_day = date((new.created_at + coalesce(
    (SELECT offset_ms FROM zone_spans WHERE user_id = new.user_id AND until_ms > new.created_at ORDER BY until_ms LIMIT 1), 0)) / 1000, 'unixepoch')
  WHERE seq = new.seq;
END;

-- ── an entry's contribution (counted once it has a local day) ──────────────────────────────────
CREATE TRIGGER entries_rollup_delete AFTER DELETE ON entries WHEN old.local_day IS NOT NULL BEGIN
  UPDATE analytics_day_items SET entries = entries - 1
  WHERE old.valence IS NOT NULL AND user_id = old.user_id AND day = old.local_day AND (
    (kind = 'activity' AND name IN (SELECT value FROM json_each(CASE WHEN json_valid(old.activities) THEN old.activities ELSE '[]' END) WHERE type = 'text'))
    OR (kind = 'person' AND name IN (SELECT value FROM json_each(CASE WHEN json_valid(old.people) THEN old.people ELSE '[]' END) WHERE type = 'text')));
  UPDATE analytics_items SET entries = entries - 1
  WHERE user_id = old.user_id AND (
    (kind = 'activity' AND name IN (SELECT value FROM json_each(CASE WHEN json_valid(old.activities) THEN old.activities ELSE '[]' END) WHERE type = 'text'))
    OR (kind = 'person' AND name IN (SELECT value FROM json_each(CASE WHEN json_valid(old.people) THEN old.people ELSE '[]' END) WHERE type = 'text')));
  UPDATE analytics_day_moods SET entries = entries - 1, valence_sum = valence_sum - coalesce(old.valence, 0), valence_n = valence_n - (old.valence IS NOT NULL),
    positive = positive - coalesce(old.is_positive, 0), analysed = analysed - (old.is_positive IS NOT NULL)
  WHERE user_id = old.user_id AND day = old.local_day AND emotion = coalesce(old.primary_emotion, '');
  UPDATE analytics_days SET entries = entries - 1, valence_sum = valence_sum - coalesce(old.valence, 0), valence_n = valence_n - (old.valence IS NOT NULL)
  WHERE user_id = old.user_id AND day = old.local_day;
  UPDATE analytics_totals SET entries = entries - 1, words = words - old.word_count,
    valence_sum = valence_sum - coalesce(old.valence, 0), valence_n = valence_n - (old.valence IS NOT NULL)
  WHERE user_id = old.user_id;
END;

CREATE TRIGGER entries_rollup_update AFTER UPDATE OF local_day, valence, word_count, activities, people, primary_emotion, is_positive ON entries
WHEN old.local_day IS NOT new.local_day OR old.valence IS NOT new.valence OR old.word_count IS NOT new.word_count
  OR old.activities IS NOT new.activities OR old.people IS NOT new.people OR old.primary_emotion IS NOT new.primary_emotion
  OR old.is_positive IS NOT new.is_positive
BEGIN
  -- Take back the old row's contribution (as entries_rollup_delete does)...
  UPDATE analytics_day_items SET entries = entries - 1
  WHERE old.local_day IS NOT NULL AND old.valence IS NOT NULL AND user_id = old.user_id AND day = old.local_day AND (
    (kind = 'activity' AND name IN (SELECT value FROM json_each(CASE WHEN json_valid(old.activities) THEN old.activities ELSE '[]' END) WHERE type = 'text'))
    OR (kind = 'person' AND name IN (SELECT value FROM json_each(CASE WHEN json_valid(old.people) THEN old.people ELSE '[]' END) WHERE type = 'text')));
  UPDATE analytics_items SET entries = entries - 1
  WHERE old.local_day IS NOT NULL AND user_id = old.user_id AND (
    (kind = 'activity' AND name IN (SELECT value FROM json_each(CASE WHEN json_valid(old.activities) THEN old.activities ELSE '[]' END) WHERE type = 'text'))
    OR (kind = 'person' AND name IN (SELECT value FROM json_each(CASE WHEN json_valid(old.people) THEN old.people ELSE '[]' END) WHERE type = 'text')));
  UPDATE analytics_day_moods SET entries = entries - 1, valence_sum = valence_sum - coalesce(old.valence, 0), valence_n = valence_n - (old.valence IS NOT NULL),
    positive = positive - coalesce(old.is_positive, 0), analysed = analysed - (old.is_positive IS NOT NULL)
  WHERE old.local_day IS NOT NULL AND user_id = old.user_id AND day = old.local_day AND emotion = coalesce(old.primary_emotion, '');
  UPDATE analytics_days SET entries = entries - 1, valence_sum = valence_sum - coalesce(old.valence, 0), valence_n = valence_n - (old.valence IS NOT NULL)
  WHERE old.local_day IS NOT NULL AND user_id = old.user_id AND day = old.local_day;
  UPDATE analytics_totals SET entries = entries - 1, words = words - old.word_count,
    valence_sum = valence_sum - coalesce(old.valence, 0), valence_n = valence_n - (old.valence IS NOT NULL)
  WHERE old.local_day IS NOT NULL AND user_id = old.user_id;
  -- ...and add the new one's.
  INSERT INTO analytics_totals (user_id, entries, words, valence_sum, valence_n)
  SELECT new.user_id, 1, new.word_count, coalesce(new.valence, 0), new.valence IS NOT NULL WHERE new.local_day IS NOT NULL
  ON CONFLICT (user_id) DO UPDATE SET entries = entries + 1, words = words + excluded.words,
    valence_sum = valence_sum + excluded.valence_sum, valence_n = valence_n + excluded.valence_n;
  INSERT INTO analytics_days (user_id, day, entries, valence_sum, valence_n)
  SELECT new.user_id, new.local_day, 1, coalesce(new.valence, 0), new.valence IS NOT NULL WHERE new.local_day IS NOT NULL
  ON CONFLICT (user_id, day) DO UPDATE SET entries = entries + 1, valence_sum = valence_sum + excluded.valence_sum, valence_n = valence_n + excluded.valence_n;
  INSERT INTO analytics_day_moods (user_id, day, emotion, entries, valence_sum, valence_n, positive, analysed)
  SELECT new.user_id, new.local_day, coalesce(new.primary_emotion, ''), 1, coalesce(new.valence, 0), new.valence IS NOT NULL,
    coalesce(new.is_positive, 0), new.is_positive IS NOT NULL
  WHERE new.local_day IS NOT NULL
  ON CONFLICT (user_id, day, emotion) DO UPDATE SET entries = entries + 1, valence_sum = valence_sum + excluded.valence_sum, valence_n = valence_n + excluded.valence_n,
    positive = positive + excluded.positive, analysed = analysed + excluded.analysed;
  INSERT INTO analytics_items (user_id, kind, name, entries)
  SELECT new.user_id, kind, name, 1 FROM (
    SELECT DISTINCT 'activity' AS kind, value AS name FROM json_each(CASE WHEN json_valid(new.activities) THEN new.activities ELSE '[]' END) WHERE type = 'text'
    UNION SELECT DISTINCT 'person', value FROM json_each(CASE WHEN json_valid(new.people) THEN new.people ELSE '[]' END) WHERE type = 'text'
  ) WHERE new.local_day IS NOT NULL
  ON CONFLICT (user_id, kind, name) DO UPDATE SET entries = entries + 1;
  INSERT INTO analytics_day_items (user_id, day, kind, name, entries)
  SELECT new.user_id, new.local_day, kind, name, 1 FROM (
    SELECT DISTINCT 'activity' AS kind, value AS name FROM json_each(CASE WHEN json_valid(new.activities) THEN new.activities ELSE '[]' END) WHERE type = 'text'
    UNION SELECT DISTINCT 'person', value FROM json_each(CASE WHEN json_valid(new.people) THEN new.people ELSE '[]' END) WHERE type = 'text'
  ) WHERE new.local_day IS NOT NULL AND new.valence IS NOT NULL
  ON CONFLICT (user_id, day, kind, name) DO UPDATE SET entries = entries + 1;
END;

-- ── a day: the person's count of days, and its mean in the effects ──────────────────────────────
CREATE TRIGGER analytics_days_insert AFTER INSERT ON analytics_days BEGIN
  UPDATE analytics_totals SET days = days + 1, mood_days = mood_days + (new.valence_n > 0),
    mood_sum = mood_sum + (CASE WHEN new.valence_n > 0 THEN new.valence_sum / new.valence_n ELSE 0 END),
    mood_squares = mood_squares + (CASE WHEN new.valence_n > 0 THEN (new.valence_sum / new.valence_n) * (new.valence_sum / new.valence_n) ELSE 0 END)
  WHERE user_id = new.user_id;
END;

CREATE TRIGGER analytics_days_delete AFTER DELETE ON analytics_days BEGIN
  UPDATE analytics_totals SET days = days - 1, mood_days = mood_days - (old.valence_n > 0),
    mood_sum = mood_sum - (CASE WHEN old.valence_n > 0 THEN old.valence_sum / old.valence_n ELSE 0 END),
    mood_squares = mood_squares - (CASE WHEN old.valence_n > 0 THEN (old.valence_sum / old.valence_n) * (old.valence_sum / old.valence_n) ELSE 0 END)
  WHERE user_id = old.user_id;
END;

CREATE TRIGGER analytics_days_update AFTER UPDATE ON analytics_days
WHEN old.valence_sum IS NOT new.valence_sum OR old.valence_n IS NOT new.valence_n
BEGIN
  UPDATE analytics_totals SET mood_days = mood_days - (old.valence_n > 0) + (new.valence_n > 0),
    mood_sum = mood_sum - (CASE WHEN old.valence_n > 0 THEN old.valence_sum / old.valence_n ELSE 0 END)
      + (CASE WHEN new.valence_n > 0 THEN new.valence_sum / new.valence_n ELSE 0 END),
    mood_squares = mood_squares - (CASE WHEN old.valence_n > 0 THEN (old.valence_sum / old.valence_n) * (old.valence_sum / old.valence_n) ELSE 0 END)
      + (CASE WHEN new.valence_n > 0 THEN (new.valence_sum / new.valence_n) * (new.valence_sum / new.valence_n) ELSE 0 END)
  WHERE user_id = new.user_id;
  -- The activities and people of the day: their share moves with the day's mean.
  UPDATE analytics_items SET
    mood_sum = mood_sum - (CASE WHEN old.valence_n > 0 THEN old.valence_sum / old.valence_n ELSE 0 END)
      + (CASE WHEN new.valence_n > 0 THEN new.valence_sum / new.valence_n ELSE 0 END),
    mood_squares = mood_squares - (CASE WHEN old.valence_n > 0 THEN (old.valence_sum / old.valence_n) * (old.valence_sum / old.valence_n) ELSE 0 END)
      + (CASE WHEN new.valence_n > 0 THEN (new.valence_sum / new.valence_n) * (new.valence_sum / new.valence_n) ELSE 0 END)
  WHERE user_id = new.user_id AND (kind, name) IN (SELECT kind, name FROM analytics_day_items WHERE user_id = new.user_id AND day = new.day);
END;

CREATE TRIGGER analytics_days_empty AFTER UPDATE OF entries ON analytics_days WHEN new.entries <= 0 BEGIN
  DELETE FROM analytics_days WHERE user_id = new.user_id AND day = new.day;
END;

CREATE TRIGGER analytics_day_moods_empty AFTER UPDATE OF entries ON analytics_day_moods WHEN new.entries <= 0 BEGIN
  DELETE FROM analytics_day_moods WHERE user_id = new.user_id AND day = new.day AND emotion = new.emotion;
END;

-- ── an activity or person on a day with a reading: its share of the effects ─────────────────────
CREATE TRIGGER analytics_day_items_insert AFTER INSERT ON analytics_day_items BEGIN
  UPDATE analytics_items SET days = days + 1,
    mood_sum = mood_sum + coalesce((SELECT valence_sum / valence_n FROM analytics_days WHERE user_id = new.user_id AND day = new.day AND valence_n > 0), 0),
    mood_squares = mood_squares + coalesce((SELECT (valence_sum / valence_n) * (valence_sum / valence_n) FROM analytics_days WHERE user_id = new.user_id AND day = new.day AND valence_n > 0), 0)
  WHERE user_id = new.user_id AND kind = new.kind AND name = new.name;
END;

CREATE TRIGGER analytics_day_items_delete AFTER DELETE ON analytics_day_items BEGIN
  UPDATE analytics_items SET days = days - 1,
    mood_sum = mood_sum - coalesce((SELECT valence_sum / valence_n FROM analytics_days WHERE user_id = old.user_id AND day = old.day AND valence_n > 0), 0),
    mood_squares = mood_squares - coalesce((SELECT (valence_sum / valence_n) * (valence_sum / valence_n) FROM analytics_days WHERE user_id = old.user_id AND day = old.day AND valence_n > 0), 0)
  WHERE user_id = old.user_id AND kind = old.kind AND name = old.name;
END;

CREATE TRIGGER analytics_day_items_empty AFTER UPDATE OF entries ON analytics_day_items WHEN new.entries <= 0 BEGIN
  DELETE FROM analytics_day_items WHERE user_id = new.user_id AND day = new.day AND kind = new.kind AND name = new.name;
END;

-- ── tags ───────────────────────────────────────────────────────────────────────────────────────
CREATE TRIGGER entry_tags_rollup_insert AFTER INSERT ON entry_tags BEGIN
  INSERT INTO analytics_items (user_id, kind, name, entries) VALUES (new.user_id, 'tag', new.tag_id, 1)
  ON CONFLICT (user_id, kind, name) DO UPDATE SET entries = entries + 1;
END;

CREATE TRIGGER entry_tags_rollup_delete AFTER DELETE ON entry_tags BEGIN
  UPDATE analytics_items SET entries = entries - 1 WHERE user_id = old.user_id AND kind = 'tag' AND name = old.tag_id;
END;

-- ── topics: a ready insight of an entry that is not a crisis entry ─────────────────────────────
CREATE TRIGGER insights_topics_sync AFTER UPDATE OF status, topics ON insights BEGIN
  UPDATE analytics_items SET entries = entries - 1
  WHERE user_id = old.user_id AND kind = 'topic'
    AND name IN (SELECT DISTINCT value FROM json_each(CASE WHEN json_valid(old.topics_counted) THEN old.topics_counted ELSE '[]' END) WHERE type = 'text');
  UPDATE insights SET topics_counted = CASE
      WHEN new.status = 'ready' AND json_valid(new.topics) AND (SELECT safety_level FROM entries WHERE id = new.entry_id) IN ('none', 'concern') THEN new.topics
    END
  WHERE entry_id = new.entry_id;
END;

CREATE TRIGGER insights_topics_insert AFTER INSERT ON insights WHEN new.status = 'ready' BEGIN
  UPDATE insights SET topics_counted = CASE
      WHEN json_valid(new.topics) AND (SELECT safety_level FROM entries WHERE id = new.entry_id) IN ('none', 'concern') THEN new.topics
    END
  WHERE entry_id = new.entry_id;
END;

CREATE TRIGGER insights_topics_counted AFTER UPDATE OF topics_counted ON insights WHEN new.topics_counted IS NOT NULL BEGIN
  INSERT INTO analytics_items (user_id, kind, name, entries)
  SELECT new.user_id, 'topic', value, 1 FROM (SELECT DISTINCT value FROM json_each(new.topics_counted) WHERE type = 'text') WHERE true
  ON CONFLICT (user_id, kind, name) DO UPDATE SET entries = entries + 1;
END;

CREATE TRIGGER insights_topics_delete AFTER DELETE ON insights BEGIN
  UPDATE analytics_items SET entries = entries - 1
  WHERE user_id = old.user_id AND kind = 'topic'
    AND name IN (SELECT DISTINCT value FROM json_each(CASE WHEN json_valid(old.topics_counted) THEN old.topics_counted ELSE '[]' END) WHERE type = 'text');
END;

-- An entry that becomes a crisis entry (or stops being one) has its insight's topics counted again.
CREATE TRIGGER entries_topics_safety AFTER UPDATE OF safety_level ON entries WHEN old.safety_level IS NOT new.safety_level BEGIN
  UPDATE insights SET status = status WHERE entry_id = new.id;
END;

-- ── what was there before ──────────────────────────────────────────────────────────────────────
-- Local days in UTC (nobody has offsets yet; a zone already set is counted again the first time the
-- analytics are read: worker/services/zone-days.ts). Setting local_day runs the rollup trigger.
UPDATE entries SET local_day = date(created_at / 1000, 'unixepoch');
INSERT INTO analytics_items (user_id, kind, name, entries)
SELECT * FROM (SELECT user_id, 'tag', tag_id, count(*) FROM entry_tags GROUP BY user_id, tag_id) WHERE true
ON CONFLICT (user_id, kind, name) DO UPDATE SET entries = excluded.entries;
UPDATE insights SET status = status WHERE status = 'ready';
