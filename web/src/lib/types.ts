// Shapes of API data as the web app sees them, inferred from the Worker's routes (never restated).
import type { InferRequestType, InferResponseType } from "hono/client";
import type { api } from "./api.ts";

export type Entry = InferResponseType<(typeof api.api.entries)[":id"]["$get"], 200>;
export type SearchResult = InferResponseType<typeof api.api.entries.search.$get, 200>["results"][number];
export type ExportFormat = "json" | "markdown" | "csv";
export type Insight = InferResponseType<(typeof api.api.entries)[":id"]["insight"]["$get"], 200>;
export type ConversationItem = InferResponseType<typeof api.api.journal.conversation.$get, 200>["items"][number];
export type JournalReply = InferResponseType<typeof api.api.journal.entries.$post, 201>;
export type SuggestedAction = JournalReply["response"]["suggested_actions"][number];
export type Settings = InferResponseType<typeof api.api.settings.$get, 200>;
export type Category = InferResponseType<typeof api.api.settings.categories.$get, 200>["categories"][number];
export type Prompt = InferResponseType<typeof api.api.prompts.today.$get, 200>["prompt"];
export type Mood = InferResponseType<typeof api.api.insights.mood.$get, 200>;
export type Graph = InferResponseType<typeof api.api.graph.$get, 200>;
export type Patterns = InferResponseType<typeof api.api.graph.patterns.$get, 200>;
export type WeeklySummary = InferResponseType<typeof api.api.insights.weekly.$get, 200>["summaries"][number];
export type EmotionPath = NonNullable<InferResponseType<typeof api.api.graph.path.$get, 200>["path"]>;
export type ImportBody = InferRequestType<typeof api.api.entries.import.$post>["json"];
export type EntryFilterQuery = NonNullable<InferRequestType<typeof api.api.entries.$get>["query"]>;
