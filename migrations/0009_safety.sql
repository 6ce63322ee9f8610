-- Safety: each entry's screened level (none, concern, crisis) and the country whose crisis lines a
-- person is shown (NULL: follow their time zone).
ALTER TABLE entries ADD COLUMN safety_level TEXT NOT NULL DEFAULT 'none' CHECK (safety_level IN ('none', 'concern', 'crisis'));
-- Which screen set the level: 'local' (every write) or 'llama-guard' (the production second opinion,
-- which can only raise 'none' to 'concern').
ALTER TABLE entries ADD COLUMN safety_source TEXT NOT NULL DEFAULT 'local';
ALTER TABLE settings ADD COLUMN country TEXT CHECK (country IS NULL OR (length(country) = 2 AND country = upper(country)));
