// The achievements: what each asks for, in words and as a check over facts that cost a bounded read
// at award time (counts that stop at the largest threshold asked, the kept streak row, and the entry
// being awarded). Each is earned once, with its date; codes never change once shipped.
import { levelStartsAt } from "./levels.ts";

/** What an award knows when it checks achievements. Counts stop at their largest threshold. */
export interface AchievementFacts {
  entries: number;
  tried: number;
  goalsCreated: number;
  goalsCompleted: number;
  weeklySummaries: number;
  /** Different activities seen in analysed entries (up to 7). */
  activitiesSeen: number;
  /** Different weekdays with a morning entry (05:00–11:59, the person's time). */
  morningWeekdays: number;
  points: number;
  streaksEnabled: boolean;
  longestStreak: number;
  /** The current run has bridged a missed day. */
  streakKeptByForgiveness: boolean;
  /** About the entry being awarded, when the award is for an entry (false otherwise). */
  entry: { hasActivity: boolean; mentionsPerson: boolean; recovered: boolean; activityHelped: boolean; longEntry: boolean };
}

export const LONG_ENTRY_WORDS = 300;
export const ACTIVITIES_TARGET = 7;
export const MORNING_WEEKDAYS_TARGET = 4;

interface Achievement {
  code: string;
  title: string;
  /** The criterion, as the person reads it. */
  description: string;
  earned: (f: AchievementFacts) => boolean;
  /** How far along, where it is countable: [reached so far, target]. */
  progress?: (f: AchievementFacts) => [number, number];
}

const count = (code: string, title: string, description: string, of: (f: AchievementFacts) => number, target: number, streak = false): Achievement => ({
  code,
  title,
  description,
  earned: (f) => (!streak || f.streaksEnabled) && of(f) >= target,
  progress: (f) => [Math.min(of(f), target), target],
});

export const ACHIEVEMENTS: Achievement[] = [
  count("first-entry", "First page", "Wrote your first entry.", (f) => f.entries, 1),
  count("ten-entries", "Finding a rhythm", "Wrote 10 entries.", (f) => f.entries, 10),
  count("fifty-entries", "Well kept", "Wrote 50 entries.", (f) => f.entries, 50),
  count("hundred-entries", "A hundred pages", "Wrote 100 entries.", (f) => f.entries, 100),
  count("streak-3", "Three days running", "Wrote three days in a row.", (f) => f.longestStreak, 3, true),
  count("streak-7", "A whole week", "Wrote seven days in a row.", (f) => f.longestStreak, 7, true),
  count("streak-14", "Two weeks running", "Wrote on fourteen days in a row.", (f) => f.longestStreak, 14, true),
  count("streak-30", "A month of pages", "Wrote thirty days in a row.", (f) => f.longestStreak, 30, true),
  {
    code: "streak-forgiven",
    title: "Kept going",
    description: "Came back the day after a missed day and kept your streak (one missed day a week is forgiven).",
    earned: (f) => f.streaksEnabled && f.streakKeptByForgiveness,
  },
  count("first-try", "Giving it a go", "Tried a suggested action.", (f) => f.tried, 1),
  count("five-tries", "Open to trying", "Tried 5 suggested actions.", (f) => f.tried, 5),
  count("goal-set", "Something to aim for", "Set your first goal.", (f) => f.goalsCreated, 1),
  count("first-goal", "Goal reached", "Completed a goal.", (f) => f.goalsCompleted, 1),
  count("three-goals", "Three for three", "Completed 3 goals.", (f) => f.goalsCompleted, 3),
  { code: "first-activity", title: "Something you did", description: "Wrote an entry that says what you did (an activity Tideline noticed).", earned: (f) => f.entry.hasActivity },
  count("seven-activities", "Many ways through", `Wrote about ${ACTIVITIES_TARGET} different activities.`, (f) => f.activitiesSeen, ACTIVITIES_TARGET),
  { code: "first-person", title: "Not alone", description: "Wrote about someone in your life.", earned: (f) => f.entry.mentionsPerson },
  {
    code: "first-recovery",
    title: "Turning a corner",
    description: "Felt better after a low moment: an entry in a good mood right after a low one.",
    earned: (f) => f.entry.recovered,
  },
  {
    code: "activity-helped",
    title: "Something that helps",
    description: "Did something after a low moment and felt better: the better entry names an activity.",
    earned: (f) => f.entry.activityHelped,
  },
  count("first-summary", "Looking back", "Received your first weekly summary.", (f) => f.weeklySummaries, 1),
  count("four-summaries", "A month of summaries", "Received four weekly summaries.", (f) => f.weeklySummaries, 4),
  count("morning-pages", "Morning pages", `Wrote in the morning (before noon) on ${MORNING_WEEKDAYS_TARGET} different days of the week.`, (f) => f.morningWeekdays, MORNING_WEEKDAYS_TARGET),
  { code: "long-entry", title: "Deep dive", description: `Wrote an entry of ${LONG_ENTRY_WORDS} words or more.`, earned: (f) => f.entry.longEntry },
  count("level-5", "Level 5", `Reached level 5 (${levelStartsAt(5).toLocaleString("en")} points).`, (f) => f.points, levelStartsAt(5)),
];

/** The largest count any achievement asks of each fact: reads stop there. */
export const COUNT_LIMITS = { entries: 100, tried: 5, goalsCreated: 1, goalsCompleted: 3, weeklySummaries: 4 } as const;

export const achievementTitle = (code: string): string | null => ACHIEVEMENTS.find((a) => a.code === code)?.title ?? null;
