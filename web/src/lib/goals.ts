// Goals as the app shows them: life areas in words, the statuses as views, and the points ledger's
// reasons as sentences. The API's names stay the values; these are only the words for people.
import type { Achievement, GoalStatus, LifeArea } from "./types.ts";

export const LIFE_AREAS: { value: LifeArea; label: string }[] = [
  { value: "health", label: "Health" },
  { value: "relationships", label: "Relationships" },
  { value: "work", label: "Work" },
  { value: "growth", label: "Growth and learning" },
  { value: "mind", label: "Mind and calm" },
  { value: "leisure", label: "Leisure" },
  { value: "finance", label: "Money" },
  { value: "other", label: "Something else" },
];

export const lifeAreaWord = (area: string) => LIFE_AREAS.find((a) => a.value === area)?.label ?? area;

export const GOAL_VIEWS: { value: GoalStatus; label: string }[] = [
  { value: "active", label: "Active" },
  { value: "completed", label: "Completed" },
  { value: "archived", label: "Archived" },
];

/** One line of the points ledger in words: "for an analysed entry", "for “First page”". */
export function awardReason(reason: string, ref: string, achievements: Achievement[] = []): string {
  switch (reason) {
    case "entry-analysed":
      return "An entry reflected on";
    case "suggestion-tried":
      return "A suggestion tried";
    case "goal-completed":
      return "A goal completed";
    case "achievement": {
      const title = achievements.find((a) => a.code === ref)?.title;
      return title ? `Achievement: “${title}”` : "An achievement";
    }
    default:
      return reason.replaceAll("-", " ");
  }
}

/** The live event's reason as the end of a sentence: "+10 points for your entry". */
export function awardFor(reason: string): string {
  switch (reason) {
    case "entry-analysed":
      return "for your entry";
    case "suggestion-tried":
      return "for trying a suggestion";
    case "goal-completed":
      return "for completing a goal";
    case "achievement":
      return "for an achievement";
    default:
      return "";
  }
}

/** Today as YYYY-MM-DD on this device, for the date inputs' minimum. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
