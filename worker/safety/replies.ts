// What Tideline says to an entry that sounds like a crisis or a concern. Calm and short: it says
// this sounds very hard, that the person deserves support now, and how to reach it. No tips, no
// probing questions, no memories, no points: those belong to ordinary days.
import type { SafetyResource } from "./resources.ts";
import type { SafetyLevel } from "./vocabulary.ts";

/**
 * Whether a language model may follow a reply up (production): only for an ordinary entry. A crisis
 * never (no language model writes to it); a concern keeps the reply below, which points to people
 * and to the lines shown beneath it.
 */
export const mayFollowUp = (level: SafetyLevel): boolean => level === "none";

/** The only kind of suggestion a concern entry gets: reaching a person. */
export const CONCERN_ACTIONS = ["reach out to someone you trust", "talk it through with a support line"] as const;

/** How to reach the first line that can be called or texted, in words. */
function howToReach(resources: SafetyResource[]): string {
  const line = resources.find((r) => r.phone || r.text) ?? resources[0];
  if (!line) return "Please reach out to someone you trust, or to your local emergency number.";
  const hours = line.hours ? ` (${line.hours})` : "";
  if (line.phone && line.text) return `You can call ${line.name} on ${line.phone}${hours}, or text ${line.text}.`;
  if (line.phone) return `You can call ${line.name} on ${line.phone}${hours}.`;
  if (line.text) return `You can text ${line.text} to reach ${line.name}${hours}.`;
  return `${line.name} can help you find someone to talk to right now${line.url ? `: ${line.url}` : ""}.`;
}

export function crisisReply(resources: SafetyResource[]): string {
  return [
    "What you wrote sounds really hard, and I'm glad you put it into words.",
    "You deserve support right now, from a person who can be with you in this.",
    howToReach(resources),
    "If you might act on these thoughts or are in danger, please call your local emergency number now.",
  ].join(" ");
}

const CONCERN_OPENINGS = [
  "That sounds really heavy to carry, and it makes sense that you feel worn down.",
  "Feeling this way is hard, and I'm glad you wrote it down rather than holding it in.",
  "That sounds like a lot to be holding on your own.",
];

export function concernReply(seed: number): string {
  return [
    CONCERN_OPENINGS[seed % CONCERN_OPENINGS.length]!,
    "You don't have to carry it alone: talking to someone you trust can help, even a little.",
    "And if it ever gets darker, there are people you can reach any time; their details are just below.",
  ].join(" ");
}
