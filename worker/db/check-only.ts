// A condition SQLite checks on the rows a query has already picked, and never uses to pick them.
// Where a query finds its rows by key (a list of ids or seqs), a plain `user_id = ?` beside the keys
// can lead SQLite to walk that person's whole index instead (it ranks an equality on an indexed
// column above a list of keys without statistics), and the query then grows with their history.
// Wrapped as one opaque test, the condition still guards every row (isolation, filters) and the keys
// decide the plan. The query-plan tests check the queries that use it.
import { sql, type SQL } from "drizzle-orm";

export const checkOnly = (condition: SQL): SQL => sql`(${condition}) = 1`;
