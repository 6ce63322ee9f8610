// How live events change the journal's conversation after the instant reply: a second opinion can
// find an entry more worrying than the first reading did, and in production a language model's
// follow-up can replace an ordinary entry's instant reply.
import type { LiveEvent } from "./live.svelte.ts";
import type { ConversationItem } from "./types.ts";

export function withLiveEvent(items: ConversationItem[], e: LiveEvent): ConversationItem[] {
  if (e.type === "safety.concern") {
    return items.map((i) => (i.entry_id === e.entry_id && i.safety.level === "none" ? { ...i, safety: { level: e.level, resources: e.resources } } : i));
  }
  if (e.type === "reply.refined") {
    return items.map((i) => (i.entry_id === e.entry_id && i.response && i.safety.level === "none" ? { ...i, response: { ...i.response, refined_text: e.text } } : i));
  }
  return items;
}
