// Goals with their steps and progress history. Progress is the latest recorded value: ticking a step
// records the share of steps done, and a person can also record progress by hand.
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "../db/client.ts";
import { entries, goalProgress, goals, goalTasks, replies } from "../db/schema.ts";
import { EKMAN_EMOTIONS } from "../emotion/taxonomy.ts";
import { ApiError, notFound } from "../lib/errors.ts";
import { AREA_WORDS, wordsOf } from "../lib/life-areas.ts";
import {
  MAX_GOAL_STEPS,
  type CreateGoalBodySchema,
  type GoalStatus,
  type ProgressBodySchema,
  type UpdateGoalBodySchema,
  type UpdateTaskBodySchema,
} from "../schemas/goals.ts";
import { award } from "./gamification.ts";

type GoalRow = typeof goals.$inferSelect;
const ownGoal = (userId: string, id: string) => and(eq(goals.id, id), eq(goals.userId, userId));
const ownTask = (userId: string, goalId: string, taskId: string) =>
  and(eq(goalTasks.id, taskId), eq(goalTasks.goalId, goalId), eq(goalTasks.userId, userId));
/** Marks a goal as just touched (lists put the most recently touched first). */
const touchStatement = (db: Database, userId: string, id: string) => db.update(goals).set({ updatedAt: Date.now() }).where(ownGoal(userId, id));

export async function findGoal(db: Database, userId: string, id: string): Promise<GoalRow> {
  const goal = await db.query.goals.findFirst({ where: ownGoal(userId, id) });
  if (!goal) throw notFound("goal");
  return goal;
}

export async function goalViews(db: Database, userId: string, rows: GoalRow[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((g) => g.id);
  const [tasks, progress] = await Promise.all([
    db.select().from(goalTasks).where(and(eq(goalTasks.userId, userId), inArray(goalTasks.goalId, ids))).orderBy(asc(goalTasks.position)),
    db
      .select({ goalId: goalProgress.goalId, progress: goalProgress.progress, createdAt: goalProgress.createdAt })
      .from(goalProgress)
      .where(and(eq(goalProgress.userId, userId), inArray(goalProgress.goalId, ids)))
      .orderBy(desc(goalProgress.createdAt)),
  ]);
  const latest = new Map<string, number>();
  for (const p of progress) if (!latest.has(p.goalId)) latest.set(p.goalId, p.progress);
  return rows.map((g) => ({
    id: g.id,
    title: g.title,
    description: g.description,
    life_area: g.lifeArea,
    target_emotion: EKMAN_EMOTIONS.find((e) => e === g.targetEmotion) ?? null,
    status: g.status,
    due_date: g.dueDate,
    completed_at: g.completedAt === null ? null : new Date(g.completedAt).toISOString(),
    progress: latest.get(g.id) ?? 0,
    tasks: tasks.filter((t) => t.goalId === g.id).map((t) => ({ id: t.id, title: t.title, done: t.done, position: t.position })),
    created_at: new Date(g.createdAt).toISOString(),
    updated_at: new Date(g.updatedAt).toISOString(),
  }));
}

export async function goalView(db: Database, userId: string, id: string) {
  const [view] = await goalViews(db, userId, [await findGoal(db, userId, id)]);
  return view!;
}

/** The person's goals (of one status, or all), most recently touched first. */
export async function listGoals(db: Database, userId: string, status: GoalStatus | undefined) {
  const rows = await db
    .select()
    .from(goals)
    .where(and(eq(goals.userId, userId), status ? eq(goals.status, status) : undefined))
    .orderBy(desc(goals.updatedAt))
    .limit(100);
  return goalViews(db, userId, rows);
}

/**
 * Sets a goal with its first steps. With `entry_id` (accepting the "Make this a goal" offer of that
 * entry's reply), the reply remembers the goal, so the offer shows as taken; an entry that is not the
 * person's answers 404.
 */
export async function createGoal(db: Database, userId: string, body: z.output<typeof CreateGoalBodySchema>) {
  if (body.entry_id) {
    const owned = await db.query.entries.findFirst({ where: and(eq(entries.id, body.entry_id), eq(entries.userId, userId)), columns: { id: true } });
    if (!owned) throw notFound("entry");
  }
  const id = crypto.randomUUID();
  const now = Date.now();
  await db.batch([
    db.insert(goals).values({
      id,
      userId,
      title: body.title,
      description: body.description ?? null,
      lifeArea: body.life_area,
      targetEmotion: body.target_emotion ?? null,
      dueDate: body.due_date ?? null,
      createdAt: now,
      updatedAt: now,
    }),
    ...body.tasks.map((title, position) => db.insert(goalTasks).values({ id: crypto.randomUUID(), goalId: id, userId, title, position, createdAt: now })),
    ...(body.entry_id ? [db.update(replies).set({ goalId: id }).where(and(eq(replies.entryId, body.entry_id), eq(replies.userId, userId)))] : []),
  ]);
  return goalView(db, userId, id);
}

/** Changes a goal's fields; completing it records 100% and awards its points (once, whatever the repeats). */
export async function updateGoal(env: Env, db: Database, userId: string, id: string, body: z.output<typeof UpdateGoalBodySchema>) {
  const before = await findGoal(db, userId, id);
  const completing = body.status === "completed" && before.status !== "completed";
  const now = Date.now();
  await db.batch([
    db
      .update(goals)
      .set({
        title: body.title,
        description: body.description,
        lifeArea: body.life_area,
        targetEmotion: body.target_emotion,
        dueDate: body.due_date,
        status: body.status,
        // Completion is a moment worth keeping; moving the goal back to active forgets it.
        completedAt: completing ? now : body.status && body.status !== "completed" ? null : undefined,
        updatedAt: now,
      })
      .where(ownGoal(userId, id)),
    ...(completing ? [progressStatement(db, userId, id, 100, null)] : []),
  ]);
  if (body.status === "completed") await award(env, db, userId, "goal-completed", id);
  return goalView(db, userId, id);
}

/** Deletes a goal with its steps and history (they cascade). */
export async function deleteGoal(db: Database, userId: string, id: string): Promise<void> {
  const deleted = await db.delete(goals).where(ownGoal(userId, id)).returning({ id: goals.id });
  if (deleted.length === 0) throw notFound("goal");
}

/**
 * Adds a step at the end of a goal's list. The cap is enforced by the insert itself: it writes a row
 * only while the goal (the person's own) has fewer than MAX_GOAL_STEPS steps, and takes the next
 * position in the same statement, so parallel requests can neither pass the cap nor share a position.
 */
export async function addGoalTask(db: Database, userId: string, goalId: string, title: string) {
  const ofGoal = and(eq(goalTasks.userId, userId), eq(goalTasks.goalId, goalId));
  const added = await db
    .insert(goalTasks)
    .select(
      db
        .select({
          id: sql<string>`${crypto.randomUUID()}`.as("id"),
          goalId: goals.id,
          userId: goals.userId,
          title: sql<string>`${title}`.as("title"),
          done: sql<boolean>`0`.as("done"),
          position: sql<number>`(SELECT coalesce(max(${goalTasks.position}), -1) + 1 FROM ${goalTasks} WHERE ${ofGoal})`.as("position"),
          createdAt: sql<number>`${Date.now()}`.as("created_at"),
          doneAt: sql<number | null>`NULL`.as("done_at"),
        })
        .from(goals)
        .where(and(eq(goals.id, goalId), eq(goals.userId, userId), sql`(SELECT count(*) FROM ${goalTasks} WHERE ${ofGoal}) < ${MAX_GOAL_STEPS}`)),
    )
    .returning({ id: goalTasks.id });
  if (added.length === 0) {
    await findGoal(db, userId, goalId); // 404 when the goal is not (or no longer) the person's
    throw new ApiError(409, "too_many_steps", `A goal can have at most ${MAX_GOAL_STEPS} steps.`);
  }
  await recordStepProgress(db, userId, goalId);
  return goalView(db, userId, goalId);
}

/** Renames a step or ticks it off (ticking records the share of steps done as progress). */
export async function updateGoalTask(db: Database, userId: string, goalId: string, taskId: string, body: z.output<typeof UpdateTaskBodySchema>) {
  const { title, done } = body;
  const updated = await db
    .update(goalTasks)
    .set({ title, done, doneAt: done === undefined ? undefined : done ? Date.now() : null })
    .where(ownTask(userId, goalId, taskId))
    .returning({ id: goalTasks.id });
  if (updated.length === 0) throw notFound("step");
  if (done !== undefined) await recordStepProgress(db, userId, goalId);
  else await touchStatement(db, userId, goalId);
  return goalView(db, userId, goalId);
}

/** Removes a step; the share of steps done is recorded again. */
export async function deleteGoalTask(db: Database, userId: string, goalId: string, taskId: string) {
  const deleted = await db.delete(goalTasks).where(ownTask(userId, goalId, taskId)).returning({ id: goalTasks.id });
  if (deleted.length === 0) throw notFound("step");
  await recordStepProgress(db, userId, goalId);
  return goalView(db, userId, goalId);
}

/** Progress recorded by hand (0–100, with a note). */
export async function recordGoalProgress(db: Database, userId: string, goalId: string, body: z.output<typeof ProgressBodySchema>) {
  await findGoal(db, userId, goalId);
  await db.batch([progressStatement(db, userId, goalId, body.progress, body.note ?? null), touchStatement(db, userId, goalId)]);
  return goalView(db, userId, goalId);
}

/** A goal's progress history, newest first (at most 200 records). */
export async function goalProgressHistory(db: Database, userId: string, goalId: string) {
  await findGoal(db, userId, goalId);
  const rows = await db
    .select()
    .from(goalProgress)
    .where(and(eq(goalProgress.userId, userId), eq(goalProgress.goalId, goalId)))
    .orderBy(desc(goalProgress.createdAt))
    .limit(200);
  return { history: rows.map((r) => ({ progress: r.progress, note: r.note, recorded_at: new Date(r.createdAt).toISOString() })) };
}

function progressStatement(db: Database, userId: string, goalId: string, progress: number, note: string | null) {
  return db.insert(goalProgress).values({ id: crypto.randomUUID(), goalId, userId, progress, note, createdAt: Date.now() });
}

/** After a step changes: record the share of steps done as the goal's progress. */
async function recordStepProgress(db: Database, userId: string, goalId: string) {
  const tasks = await db.select({ done: goalTasks.done }).from(goalTasks).where(and(eq(goalTasks.userId, userId), eq(goalTasks.goalId, goalId)));
  const progress = tasks.length ? Math.round((tasks.filter((t) => t.done).length / tasks.length) * 100) : 0;
  await db.batch([
    progressStatement(db, userId, goalId, progress, null),
    touchStatement(db, userId, goalId),
  ]);
}

/** The active goal an entry touches on most (by shared words), with its progress; null when none does. */
export async function relevantGoal(db: Database, userId: string, text: string, tags: string[]) {
  const active = await db
    .select()
    .from(goals)
    .where(and(eq(goals.userId, userId), eq(goals.status, "active")))
    .orderBy(desc(goals.updatedAt))
    .limit(20);
  if (active.length === 0) return null;
  const entryWords = wordsOf(`${text} ${tags.join(" ")}`);
  let best: { goal: GoalRow; score: number } | null = null;
  for (const goal of active) {
    const goalWords = new Set([...wordsOf(goal.title), ...AREA_WORDS[goal.lifeArea].map((w) => w.replace(/s$/, ""))]);
    let score = 0;
    for (const w of goalWords) if (entryWords.has(w)) score++;
    if (score > 0 && (!best || score > best.score)) best = { goal, score };
  }
  if (!best) return null;
  const [view] = await goalViews(db, userId, [best.goal]);
  return view!;
}
