// The journal's conversation: a turn made from a reply, and how live events change the conversation
// after the instant reply (a second opinion can find an entry more worrying than the first reading
// did, and in production a language model's follow-up can replace an ordinary entry's reply).
import type { LiveEvent } from "./live.svelte.ts";
import type { JournalEntryBody, JournalReply } from "./outbox.svelte.ts";
import type { ConversationItem } from "./types.ts";

/** A turn of the conversation from the entry as sent and the journal's reply to it. */
export function itemFromReply(body: JournalEntryBody, reply: JournalReply, createdAt = new Date().toISOString()): ConversationItem {
  return {
    entry_id: reply.entry_id,
    title: null,
    content: body.content,
    tags: body.tags ?? [],
    activities: reply.activities,
    people: reply.people,
    created_at: createdAt,
    emotion: reply.emotion,
    insight_status: reply.insight_status,
    private: reply.private,
    safety: reply.safety,
    response: {
      id: reply.response_id,
      text: reply.response.text,
      suggested_actions: reply.response.suggested_actions,
      tried_action: null,
      refined_text: null,
      goal_offer: reply.response.goal_offer,
      goal_id: null,
    },
  };
}

export function withLiveEvent(items: ConversationItem[], e: LiveEvent): ConversationItem[] {
  if (e.type === "safety.concern") {
    return items.map((i) => (i.entry_id === e.entry_id && i.safety.level === "none" ? { ...i, safety: { level: e.level, resources: e.resources } } : i));
  }
  if (e.type === "reply.refined") {
    return items.map((i) => (i.entry_id === e.entry_id && i.response && i.safety.level === "none" ? { ...i, response: { ...i.response, refined_text: e.text } } : i));
  }
  return items;
}
