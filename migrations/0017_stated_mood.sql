-- The mood a person stated themselves (an imported Daylio entry: "rad", "good", "meh", "bad",
-- "awful"), as opposed to the mood Tideline read from the words. When it is set, the entry's
-- primary_emotion / valence / intensity / is_positive / emotion_scores hold the stated mood
-- (worker/emotion/stated-mood.ts), and neither the local reading on an edit nor the deep analysis
-- replaces them: the person said how they felt. NULL (every entry written in Tideline) = read.
ALTER TABLE entries ADD COLUMN stated_mood TEXT CHECK (stated_mood IN ('rad', 'good', 'meh', 'bad', 'awful'));
