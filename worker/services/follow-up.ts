// The follow-up to a reply, a step of the insight job in production: ask the instruction model for a
// short follow-up grounded in this person's entry, its reading and their own graph, store it on the
// reply as its refined text (only for the revision it answers) and tell the person's open tabs.
// Best effort: whenever the model fails, is slow or answers badly, the instant reply stays.
// A private entry gets none (it never goes to Workers AI), a private memory is left out, and the rest
// is redacted through worker/services/ai-gate.ts, with the names put back into the answer.
import { and, eq, exists, inArray, isNull, lte, or } from "drizzle-orm";
import type { InsightJob } from "../../queues/messages.ts";
import type { Database } from "../db/client.ts";
import { entries, replies } from "../db/schema.ts";
import { askForFollowUp } from "../insights/follow-up.ts";
import { mayFollowUp } from "../safety/replies.ts";
import { SAFETY_LEVELS } from "../safety/screen.ts";
import { textOf } from "./entry-emotion.ts";
import { graphFor } from "./graph.ts";
import { loadMemory } from "./journal.ts";
import { openAiGate, privateEntryIds } from "./ai-gate.ts";

export type FollowUpOutcome = "refined" | "not-asked" | "refused" | "stale";

const FOLLOWED_UP = SAFETY_LEVELS.filter(mayFollowUp);

type RevisionOf = Pick<InsightJob, "entryId" | "userId" | "revision">;

/**
 * Stores the refined text only while the entry is still at this revision (and still ordinary), and
 * never over the follow-up to a newer revision: one statement, so an edit landing while the model
 * was thinking wins.
 */
export async function storeRefinedText(db: Database, job: RevisionOf, text: string): Promise<boolean> {
  const current = db
    .select({ id: entries.id })
    .from(entries)
    .where(and(eq(entries.id, job.entryId), eq(entries.userId, job.userId), eq(entries.revision, job.revision), inArray(entries.safetyLevel, FOLLOWED_UP)));
  const stored = await db
    .update(replies)
    .set({ refinedText: text, refinedAt: Date.now(), refinedRevision: job.revision })
    .where(
      and(
        eq(replies.entryId, job.entryId),
        eq(replies.userId, job.userId),
        or(isNull(replies.refinedRevision), lte(replies.refinedRevision, job.revision)),
        exists(current),
      ),
    )
    .returning({ id: replies.id });
  return stored.length > 0;
}

const describe = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));

export async function followUpReply(env: Env, db: Database, job: RevisionOf, options: { timeoutMs?: number } = {}): Promise<FollowUpOutcome> {
  if (env.AI_PROVIDER !== "workers-ai") return "not-asked";
  const [row] = await db
    .select({
      title: entries.title,
      content: entries.content,
      revision: entries.revision,
      safetyLevel: entries.safetyLevel,
      private: entries.private,
      refinedRevision: replies.refinedRevision,
    })
    .from(replies)
    .innerJoin(entries, eq(entries.id, replies.entryId))
    .where(and(eq(replies.entryId, job.entryId), eq(replies.userId, job.userId), eq(entries.userId, job.userId)))
    .limit(1);
  // No reply to follow up (an entry written outside the journal), a newer edit, or not an ordinary entry.
  if (!row || row.revision !== job.revision || !mayFollowUp(row.safetyLevel) || row.private) return "not-asked";
  if (row.refinedRevision !== null && row.refinedRevision >= job.revision) return "not-asked";

  const graph = graphFor(env, job.userId);
  const grounding = await graph.followUpGrounding(job.entryId);
  if (!grounding) return "not-asked";
  const kept = grounding.memory ? await privateEntryIds(db, job.userId, [grounding.memory.entryId]) : new Set<string>();
  const memory = grounding.memory && !kept.has(grounding.memory.entryId) ? await loadMemory(db, job.userId, grounding.memory) : null;
  const entry = textOf(row);
  const gate = await openAiGate(db, job.userId, [entry, memory?.excerpt ?? ""]);
  let text: string;
  try {
    ({ text } = await askForFollowUp(
      env.AI,
      {
        entry: gate.redact(entry),
        reading: { emotion: grounding.state.primaryEmotion, isPositive: grounding.state.isPositive },
        helped: grounding.helped.flatMap((s) => (s.evidence ? [{ action: gate.redact(s.action), ...s.evidence }] : [])),
        triggers: grounding.triggers.map((t) => ({ ...t, context: gate.redact(t.context) })),
        memory: memory && { ...memory, excerpt: gate.redact(memory.excerpt) },
      },
      options,
    ));
    text = gate.restore(text);
  } catch (err) {
    console.warn("follow-up: no refined reply, the instant one stays", describe(err));
    return "refused";
  }
  if (!(await storeRefinedText(db, job, text))) return "stale";
  await graph.broadcast({ type: "reply.refined", entry_id: job.entryId, revision: job.revision, text });
  return "refined";
}
