-- One gentle prompt reworded: the safety screen's retrained model reads "…anything tonight. What
-- would it feel like to just rest?" as a crisis euphemism (rest, tonight), and a prompt must never be
-- something the screen would flag when a person copies it into an entry. The library in
-- worker/prompts/library.ts holds the new wording; migrations/0015 stays as it was applied.
UPDATE prompts SET text = 'You don''t have to fix anything today. What would it feel like to simply rest?' WHERE id = 615;
