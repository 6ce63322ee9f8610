-- The prompt library people are offered above an empty journal box. Mood 'negative' prompts are
-- offered after a low entry, 'positive' after a good one, 'any' at all times.

CREATE TABLE prompts (
  id INTEGER PRIMARY KEY,
  category TEXT NOT NULL,
  mood TEXT NOT NULL CHECK (mood IN ('any', 'positive', 'negative')),
  text TEXT NOT NULL UNIQUE
);

INSERT INTO prompts (id, category, mood, text) VALUES
  (1, 'reflection', 'any', 'What is taking up most of the room in your mind today?'),
  (2, 'reflection', 'any', 'What did today ask of you, and what did you give?'),
  (3, 'reflection', 'any', 'If today had a title, what would it be?'),
  (4, 'reflection', 'any', 'What surprised you about yourself this week?'),
  (5, 'reflection', 'any', 'Which moment from today would you like to remember in a year?'),
  (6, 'reflection', 'any', 'What are you carrying that isn''t yours to carry?'),
  (7, 'gratitude', 'any', 'Name three small things that went right today.'),
  (8, 'gratitude', 'any', 'Who made your day a little easier, and how?'),
  (9, 'gratitude', 'any', 'What is something ordinary you''d miss if it were gone?'),
  (10, 'gratitude', 'positive', 'What made you smile today, and can you make room for more of it?'),
  (11, 'growth', 'any', 'What is one thing you handled better than you would have a year ago?'),
  (12, 'growth', 'any', 'What are you learning right now, even slowly?'),
  (13, 'growth', 'any', 'What would you try if you knew no one was watching?'),
  (14, 'growth', 'positive', 'What helped today go well, and how could you do it again?'),
  (15, 'relationships', 'any', 'Who have you been thinking about lately, and why?'),
  (16, 'relationships', 'any', 'Is there a conversation you have been putting off?'),
  (17, 'relationships', 'any', 'When did you last feel truly listened to?'),
  (18, 'calm', 'negative', 'What would feel like a kind thing to do for yourself tonight?'),
  (19, 'calm', 'negative', 'What is one worry you can set down until tomorrow?'),
  (20, 'calm', 'negative', 'What do you need right now that you haven''t asked for?'),
  (21, 'calm', 'negative', 'What has helped you through a day like this before?'),
  (22, 'calm', 'negative', 'Describe where you are right now, using all your senses.'),
  (23, 'calm', 'negative', 'If a friend felt the way you do, what would you tell them?'),
  (24, 'calm', 'negative', 'What is within your control today, and what isn''t?'),
  (25, 'body', 'any', 'How did your body feel today? Where did you notice tension or ease?'),
  (26, 'body', 'any', 'How have you been sleeping, and what is it telling you?'),
  (27, 'future', 'any', 'What are you looking forward to, however small?'),
  (28, 'future', 'any', 'What would make tomorrow a good day?'),
  (29, 'future', 'positive', 'What would you like more of in the coming month?'),
  (30, 'values', 'any', 'When did you feel most like yourself recently?'),
  (31, 'values', 'any', 'What mattered most to you today?'),
  (32, 'values', 'any', 'What is something you said yes to that you wish you had said no to?');
