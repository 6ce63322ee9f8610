// Goals: what a person is working towards, its steps, and a history of progress.
import { createRoute } from "@hono/zod-openapi";
import { getDb } from "../db/client.ts";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, conflictError, jsonBody, jsonResponse, notFoundError } from "../schemas/common.ts";
import {
  BalanceQuerySchema,
  CreateGoalBodySchema,
  CreateTaskBodySchema,
  GoalIdParamSchema,
  GoalListQuerySchema,
  GoalListSchema,
  GoalProgressHistorySchema,
  GoalSchema,
  GoalTaskParamSchema,
  LifeBalanceSchema,
  ProgressBodySchema,
  UpdateGoalBodySchema,
  UpdateTaskBodySchema,
} from "../schemas/goals.ts";
import {
  addGoalTask,
  createGoal,
  deleteGoal,
  deleteGoalTask,
  goalProgressHistory,
  goalView,
  listGoals,
  recordGoalProgress,
  updateGoal,
  updateGoalTask,
} from "../services/goals.ts";
import { lifeBalance } from "../services/life-balance.ts";

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
      request: { query: GoalListQuerySchema },
      responses: { 200: jsonResponse(GoalListSchema, "Goals."), ...commonErrors },
    }),
    async (c) => c.json({ goals: await listGoals(getDb(c.env), c.get("user").id, c.req.valid("query").status) }, 200),
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
      path: "/balance",
      tags,
      security,
      summary: "Life balance: a 0–1 score per life area and week or month, and the current score",
      description:
        "Made from the person's goals (mean progress at each period's end) and the entries whose activities or tags touch each area; the answer's `method` says exactly how.",
      request: { query: BalanceQuerySchema },
      responses: { 200: jsonResponse(LifeBalanceSchema, "Scores per area."), ...commonErrors },
    }),
    async (c) => c.json(await lifeBalance(getDb(c.env), c.get("user").id, c.req.valid("query")), 200),
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
    async (c) => c.json(await updateGoal(c.env, getDb(c.env), c.get("user").id, c.req.valid("param").id, c.req.valid("json")), 200),
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
      await deleteGoal(getDb(c.env), c.get("user").id, c.req.valid("param").id);
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
    async (c) => c.json(await addGoalTask(getDb(c.env), c.get("user").id, c.req.valid("param").id, c.req.valid("json").title), 201),
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
      const { id, taskId } = c.req.valid("param");
      return c.json(await updateGoalTask(getDb(c.env), c.get("user").id, id, taskId, c.req.valid("json")), 200);
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
      const { id, taskId } = c.req.valid("param");
      return c.json(await deleteGoalTask(getDb(c.env), c.get("user").id, id, taskId), 200);
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
    async (c) => c.json(await recordGoalProgress(getDb(c.env), c.get("user").id, c.req.valid("param").id, c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}/progress",
      tags,
      security,
      summary: "The goal's progress history, newest first",
      request: { params: GoalIdParamSchema },
      responses: { 200: jsonResponse(GoalProgressHistorySchema, "Progress history."), ...commonErrors, ...notFoundError },
    }),
    async (c) => c.json(await goalProgressHistory(getDb(c.env), c.get("user").id, c.req.valid("param").id), 200),
  );
