-- Entries kept from the AI (issue 12, part 5): a private entry is read only by the local model and
-- the local extraction, never sent to Workers AI (worker/services/ai-gate.ts). A person can make new
-- entries private by default; an entry sent without `private` takes that setting.
ALTER TABLE entries ADD COLUMN private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1));
ALTER TABLE settings ADD COLUMN private_by_default INTEGER NOT NULL DEFAULT 0 CHECK (private_by_default IN (0, 1));
