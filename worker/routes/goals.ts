// Goals: what a person is working towards, its steps, and a history of progress.
import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "../db/client.ts";
import { goalProgress, goals, goalTasks } from "../db/schema.ts";
import { notFound } from "../lib/errors.ts";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, conflictError, jsonBody, jsonResponse, notFoundError } from "../schemas/common.ts";
import {
  CreateGoalBodySchema,
  CreateTaskBodySchema,
  GoalIdParamSchema,
  GoalSchema,
  GoalTaskParamSchema,
  ProgressBodySchema,
  UpdateGoalBodySchema,
  UpdateTaskBodySchema,
} from "../schemas/goals.ts";
import { award } from "../services/gamification.ts";
import { addGoalTask, createGoal, findGoal, goalView, goalViews, progressStatement, recordStepProgress } from "../services/goals.ts";

const tags = ["goals"];
const security = bearerAuth;
const goalResponse = (description: string) => jsonResponse(GoalSchema, description);

export const goalRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags,
      security,
      summary: "Goals, most recently touched first",
      request: { query: z.object({ status: z.enum(["active", "completed", "archived"]).optional() }) },
      responses: { 200: jsonResponse(z.object({ goals: z.array(GoalSchema) }), "Goals."), ...commonErrors },
    }),
    async (c) => {
      const db = getDb(c.env);
      const userId = c.get("user").id;
      const { status } = c.req.valid("query");
      const rows = await db
        .select()
        .from(goals)
        .where(and(eq(goals.userId, userId), status ? eq(goals.status, status) : undefined))
        .orderBy(desc(goals.updatedAt))
        .limit(100);
      return c.json({ goals: await goalViews(db, userId, rows) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      tags,
      security,
      summary: "Set a goal, with optional steps (or accept a reply's goal offer)",
      request: { body: jsonBody(CreateGoalBodySchema) },
      responses: { 201: goalResponse("The new goal."), ...commonErrors, ...notFoundError },
    }),
    async (c) => c.json(await createGoal(getDb(c.env), c.get("user").id, c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      tags,
      security,
      summary: "One goal",
      request: { params: GoalIdParamSchema },
      responses: { 200: goalResponse("The goal."), ...commonErrors, ...notFoundError },
    }),
    async (c) => c.json(await goalView(getDb(c.env), c.get("user").id, c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/{id}",
      tags,
      security,
      summary: "Change a goal (title, area, target, due date, status)",
      request: { params: GoalIdParamSchema, body: jsonBody(UpdateGoalBodySchema) },
      responses: { 200: goalResponse("The goal."), ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const db = getDb(c.env);
      const userId = c.get("user").id;
      const { id } = c.req.valid("param");
      const body = c.req.valid("json");
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
          .where(and(eq(goals.id, id), eq(goals.userId, userId))),
        ...(completing ? [progressStatement(db, userId, id, 100, null)] : []),
      ]);
      if (body.status === "completed") await award(c.env, db, userId, "goal-completed", id);
      return c.json(await goalView(db, userId, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      tags,
      security,
      summary: "Delete a goal with its steps and history",
      request: { params: GoalIdParamSchema },
      responses: { 204: { description: "Deleted." }, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const deleted = await getDb(c.env)
        .delete(goals)
        .where(and(eq(goals.id, c.req.valid("param").id), eq(goals.userId, c.get("user").id)))
        .returning({ id: goals.id });
      if (deleted.length === 0) throw notFound("goal");
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/tasks",
      tags,
      security,
      summary: "Add a step",
      request: { params: GoalIdParamSchema, body: jsonBody(CreateTaskBodySchema) },
      responses: { 201: goalResponse("The goal with the new step."), ...commonErrors, ...notFoundError, ...conflictError },
    }),
    async (c) => {
      const db = getDb(c.env);
      const userId = c.get("user").id;
      const { id } = c.req.valid("param");
      await addGoalTask(db, userId, id, c.req.valid("json").title);
      return c.json(await goalView(db, userId, id), 201);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/{id}/tasks/{taskId}",
      tags,
      security,
      summary: "Rename a step or tick it off",
      request: { params: GoalTaskParamSchema, body: jsonBody(UpdateTaskBodySchema) },
      responses: { 200: goalResponse("The goal."), ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const db = getDb(c.env);
      const userId = c.get("user").id;
      const { id, taskId } = c.req.valid("param");
      const { title, done } = c.req.valid("json");
      const updated = await db
        .update(goalTasks)
        .set({ title, done, doneAt: done === undefined ? undefined : done ? Date.now() : null })
        .where(and(eq(goalTasks.id, taskId), eq(goalTasks.goalId, id), eq(goalTasks.userId, userId)))
        .returning({ id: goalTasks.id });
      if (updated.length === 0) throw notFound("step");
      if (done !== undefined) await recordStepProgress(db, userId, id);
      else await db.update(goals).set({ updatedAt: Date.now() }).where(and(eq(goals.id, id), eq(goals.userId, userId)));
      return c.json(await goalView(db, userId, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}/tasks/{taskId}",
      tags,
      security,
      summary: "Remove a step",
      request: { params: GoalTaskParamSchema },
      responses: { 200: goalResponse("The goal."), ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const db = getDb(c.env);
      const userId = c.get("user").id;
      const { id, taskId } = c.req.valid("param");
      const deleted = await db
        .delete(goalTasks)
        .where(and(eq(goalTasks.id, taskId), eq(goalTasks.goalId, id), eq(goalTasks.userId, userId)))
        .returning({ id: goalTasks.id });
      if (deleted.length === 0) throw notFound("step");
      await recordStepProgress(db, userId, id);
      return c.json(await goalView(db, userId, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/progress",
      tags,
      security,
      summary: "Record progress by hand (0–100, with a note)",
      request: { params: GoalIdParamSchema, body: jsonBody(ProgressBodySchema) },
      responses: { 201: goalResponse("The goal."), ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const db = getDb(c.env);
      const userId = c.get("user").id;
      const { id } = c.req.valid("param");
      const { progress, note } = c.req.valid("json");
      await findGoal(db, userId, id);
      await db.batch([
        progressStatement(db, userId, id, progress, note ?? null),
        db.update(goals).set({ updatedAt: Date.now() }).where(and(eq(goals.id, id), eq(goals.userId, userId))),
      ]);
      return c.json(await goalView(db, userId, id), 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}/progress",
      tags,
      security,
      summary: "The goal's progress history, newest first",
      request: { params: GoalIdParamSchema },
      responses: {
        200: jsonResponse(
          z.object({ history: z.array(z.object({ progress: z.number().int(), note: z.string().nullable(), recorded_at: z.string() })) }),
          "Progress history.",
        ),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) => {
      const db = getDb(c.env);
      const userId = c.get("user").id;
      const { id } = c.req.valid("param");
      await findGoal(db, userId, id);
      const rows = await db
        .select()
        .from(goalProgress)
        .where(and(eq(goalProgress.userId, userId), eq(goalProgress.goalId, id)))
        .orderBy(desc(goalProgress.createdAt))
        .limit(200);
      return c.json({ history: rows.map((r) => ({ progress: r.progress, note: r.note, recorded_at: new Date(r.createdAt).toISOString() })) }, 200);
    },
  );
