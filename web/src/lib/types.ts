// Shapes of API data as the web app sees them, inferred from the Worker's routes (never restated).
import type { InferResponseType } from "hono/client";
import type { api } from "./api.ts";

export type Entry = InferResponseType<(typeof api.api.entries)[":id"]["$get"], 200>;
export type SearchResult = InferResponseType<typeof api.api.entries.search.$get, 200>["results"][number];
export type ExportFormat = "json" | "markdown" | "csv";
