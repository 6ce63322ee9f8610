// The language-model follow-up to a reply (production only): an instruction model in JSON mode writes
// a short follow-up grounded only in what it is given. It throws on any failure, timeout, malformed
// answer or broken limit; the caller then keeps the instant local reply.
import { z } from "zod";
import type { EkmanEmotion } from "../emotion/taxonomy.ts";
import { withTimeout } from "../emotion/workers-ai-provider.ts";
import { describeDuration, memoryDate, type ReplyMemory } from "../services/reply.ts";
import { jsonModeBody } from "./json-mode.ts";

/** Listed by Workers AI as supporting JSON mode; the larger model keeps to rules like these better. */
export const FOLLOW_UP_MODEL = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";
export const FOLLOW_UP_TIMEOUT_MS = 8_000;
export const FOLLOW_UP_MAX_CHARS = 400;
/** The model sees at most this much of an entry: enough for a reply to it, bounded in cost. */
export const MAX_FOLLOW_UP_ENTRY_CHARS = 4_000;

export class FollowUpRejected extends Error {
  override name = "FollowUpRejected";
}

/** Everything the model may draw on: one person's entry, its reading and their own evidence. */
export interface FollowUpContext {
  entry: string;
  reading: { emotion: EkmanEmotion; isPositive: boolean };
  helped: { action: string; tried: number; worked: number; medianRecoveryMs: number | null }[];
  triggers: { context: string; low: { with: number; total: number }; others: { with: number; total: number } }[];
  memory: ReplyMemory | null;
}

const JSON_SCHEMA = {
  type: "object",
  properties: { follow_up: { type: "string", maxLength: FOLLOW_UP_MAX_CHARS } },
  required: ["follow_up"],
};

const SYSTEM_PROMPT = [
  "You write a short follow-up to an entry in a person's private journal. A kind reply was already sent; yours replaces it. Answer only JSON.",
  `"follow_up": at most ${FOLLOW_UP_MAX_CHARS} characters, two or three plain, warm sentences, speaking to the person as "you".`,
  "Rules:",
  "- Use only what you are given: the entry, how it reads, and this person's own history. Never invent events, people, places, numbers, dates or history.",
  "- Name something specific the person wrote.",
  "- When what helped before is given, you may mention one item with its counts exactly as given, as an option, never an instruction.",
  "- No diagnosis, no labels for their mental health, no medical, clinical or medication advice.",
  "- Ask at most one question, and only one that fits the entry and the feeling.",
  "- No links, phone numbers or email addresses.",
  "- Write in the language of the entry.",
  '- If you cannot add anything grounded, answer {"follow_up": ""}.',
].join("\n");

const quote = (s: string) => `"${s.replace(/\s+/g, " ").trim()}"`;

/** The user message: the entry and its evidence as labelled lines; nothing else about the person. */
export function groundingText(context: FollowUpContext): string {
  const { reading } = context;
  const lines = [
    'The entry (the person\'s own words, between """):',
    '"""',
    context.entry,
    '"""',
    `How it reads: mainly ${reading.emotion === "neutral" ? "no strong emotion" : reading.emotion}, ${reading.isPositive ? "a good mood" : "not a good mood"}.`,
  ];
  if (context.helped.length) {
    lines.push(`What helped this person before when they felt ${reading.emotion}, from their own journal:`);
    for (const h of context.helped) {
      const when = h.medianRecoveryMs !== null ? `, usually within ${describeDuration(h.medianRecoveryMs)}` : "";
      lines.push(`- ${quote(h.action)}: helped ${h.worked} of ${h.tried} times${when}`);
    }
  } else {
    lines.push("What helped before: nothing is known, so do not mention their history of what helped.");
  }
  if (context.triggers.length) {
    lines.push(`What tends to come with their ${reading.emotion}:`);
    for (const t of context.triggers) {
      lines.push(`- ${quote(t.context)}: in ${t.low.with} of their ${t.low.total} entries with ${reading.emotion}, and ${t.others.with} of their ${t.others.total} other entries`);
    }
  }
  if (context.memory) {
    const date = memoryDate(context.memory);
    lines.push(
      `A time they felt like this before and it passed: on ${date} they wrote ${quote(context.memory.excerpt)}, and ${describeDuration(context.memory.recoveredAfterMs)} later they felt better.`,
    );
  }
  return lines.join("\n");
}

const URL_LIKE = /\b(?:https?:\/\/|www\.)|\b[a-z0-9-]+\.(?:com|org|net|io|co|uk|gov|info|app|me|ly|link)\b/i;
const PHONE_LIKE = /(?:\d[\s().-]*){7,}/;
const EMAIL_LIKE = /[\w.+-]+@[\w-]+\.[a-z]{2,}/i;
/** Clinical words are allowed only where the person used them first. */
const CLINICAL =
  /\b(?:diagnos\w*|disorders?|depression|depressive|bipolar|adhd|ptsd|ocd|medications?|medicines?|antidepressants?|pills?|doses?|dosages?|prescri\w*|therap(?:y|ies|ist|ists)|psychiatr\w*|clinical(?:ly)?|symptoms?)\b/gi;
const NUMBER = /\d+(?:[.,:]\d+)*/g;

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** Shape and limits: one short, non-empty text with at most one question, no links or numbers to call. */
export const FollowUpTextSchema = z
  .string()
  .transform(squash)
  .pipe(
    z
      .string()
      .min(1, "the follow-up is empty")
      .max(FOLLOW_UP_MAX_CHARS, `the follow-up is longer than ${FOLLOW_UP_MAX_CHARS} characters`)
      .refine((t) => (t.match(/\?/g)?.length ?? 0) <= 1, "the follow-up asks more than one question")
      .refine((t) => !URL_LIKE.test(t), "the follow-up contains a link")
      .refine((t) => !PHONE_LIKE.test(t), "the follow-up contains a phone number")
      .refine((t) => !EMAIL_LIKE.test(t), "the follow-up contains an email address"),
  );

/** The answer's schema for one request: the limits, and nothing the grounding does not hold. */
export function followUpAnswerSchema(grounding: string) {
  const given = new Set(grounding.match(NUMBER) ?? []);
  const lowerGrounding = grounding.toLowerCase();
  return z.object({
    follow_up: FollowUpTextSchema.superRefine((text, ctx) => {
      const invented = (text.match(NUMBER) ?? []).filter((n) => !given.has(n));
      if (invented.length) ctx.addIssue({ code: "custom", message: `the follow-up has numbers it was not given: ${invented.join(", ")}` });
      const clinical = (text.match(CLINICAL) ?? []).filter((w) => !lowerGrounding.includes(w.toLowerCase()));
      if (clinical.length) ctx.addIssue({ code: "custom", message: `the follow-up uses clinical language: ${clinical.join(", ")}` });
    }),
  });
}

export function parseFollowUp(raw: unknown, grounding: string): string {
  const body = jsonModeBody(raw, (problem) => new FollowUpRejected(`the follow-up answer ${problem}`));
  const answer = followUpAnswerSchema(grounding).safeParse(body);
  if (!answer.success) throw new FollowUpRejected(`the follow-up answer was refused: ${z.prettifyError(answer.error)}`);
  return answer.data.follow_up;
}

export async function askForFollowUp(
  ai: Pick<Ai, "run">,
  context: FollowUpContext,
  options: { timeoutMs?: number } = {},
): Promise<{ text: string; model: string }> {
  const entry = context.entry.trim().slice(0, MAX_FOLLOW_UP_ENTRY_CHARS);
  // a model asked about nothing invents something
  if (!entry) throw new FollowUpRejected("nothing to follow up: the entry is empty");
  const grounding = groundingText({ ...context, entry });
  const controller = new AbortController();
  const request = Promise.resolve().then(() =>
    ai.run(
      FOLLOW_UP_MODEL,
      {
        messages: [
          { role: "system", content: SYSTEM_PROMPT },
          { role: "user", content: grounding },
        ],
        response_format: { type: "json_schema", json_schema: JSON_SCHEMA },
        temperature: 0.4,
        max_tokens: 300,
      },
      { signal: controller.signal },
    ),
  );
  let raw: unknown;
  try {
    raw = await withTimeout(request, options.timeoutMs ?? FOLLOW_UP_TIMEOUT_MS);
  } catch (err) {
    // A late answer is not waited for, and the request is not left running.
    controller.abort();
    throw new FollowUpRejected(`the follow-up request failed: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`, { cause: err });
  }
  return { text: parseFollowUp(raw, grounding), model: FOLLOW_UP_MODEL };
}
