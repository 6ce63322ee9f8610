-- How a person's entries spread over valence, in 41 bins of 0.05 from -1 to 1, kept exact by
-- triggers as entries are written, analysed, edited and deleted. "On this day" leaves out memories
-- from the person's lowest tenth of days; it used to count and walk their rated entries to find
-- where that tenth ends, which grew with their history. The bins answer it from at most 41 rows.
CREATE TABLE valence_bins (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- round((valence + 1) * 20): 0 holds -1, 20 holds 0, 40 holds 1.
  bin INTEGER NOT NULL,
  entries INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, bin)
) WITHOUT ROWID;

CREATE TRIGGER entries_valence_bins_insert AFTER INSERT ON entries WHEN new.valence IS NOT NULL BEGIN
  INSERT INTO valence_bins (user_id, bin, entries)
  VALUES (new.user_id, CAST(round((min(1.0, max(-1.0, new.valence)) + 1) * 20) AS INTEGER), 1)
  ON CONFLICT (user_id, bin) DO UPDATE SET entries = entries + 1;
END;

CREATE TRIGGER entries_valence_bins_delete AFTER DELETE ON entries WHEN old.valence IS NOT NULL BEGIN
  UPDATE valence_bins SET entries = entries - 1
  WHERE user_id = old.user_id AND bin = CAST(round((min(1.0, max(-1.0, old.valence)) + 1) * 20) AS INTEGER);
END;

CREATE TRIGGER entries_valence_bins_update AFTER UPDATE OF valence ON entries WHEN old.valence IS NOT new.valence BEGIN
  UPDATE valence_bins SET entries = entries - 1
  WHERE old.valence IS NOT NULL AND user_id = old.user_id AND bin = CAST(round((min(1.0, max(-1.0, old.valence)) + 1) * 20) AS INTEGER);
  INSERT INTO valence_bins (user_id, bin, entries)
  SELECT new.user_id, CAST(round((min(1.0, max(-1.0, new.valence)) + 1) * 20) AS INTEGER), 1 WHERE new.valence IS NOT NULL
  ON CONFLICT (user_id, bin) DO UPDATE SET entries = entries + 1;
END;

-- The entries already written.
INSERT INTO valence_bins (user_id, bin, entries)
SELECT user_id, CAST(round((min(1.0, max(-1.0, valence)) + 1) * 20) AS INTEGER), count(*)
FROM entries WHERE valence IS NOT NULL GROUP BY 1, 2;
