// The EmotionalGraph's SQLite schema, versioned in a table so later changes migrate in place. A step
// is a statement or, for a backfill, a function over the storage; each migration is one transaction.
import { aggregatesOf } from "./graph-aggregates.ts";
import { SqlGraphStore, STATE_COLUMNS, toState, type StateRow } from "./graph-store.ts";

type Step = string | ((sql: SqlStorage) => void);

const MIGRATIONS: Step[][] = [
  [
    `CREATE TABLE states (
      entry_id TEXT PRIMARY KEY,
      revision INTEGER NOT NULL,
      recorded_at INTEGER NOT NULL,
      primary_emotion TEXT NOT NULL,
      valence REAL NOT NULL,
      intensity REAL NOT NULL,
      is_positive INTEGER NOT NULL,
      ekman_scores TEXT NOT NULL,
      activities TEXT NOT NULL,
      tried_action TEXT
    )`,
    "CREATE INDEX states_time ON states (recorded_at, entry_id)",
    // One row per pair of consecutive states: each state has at most one successor.
    `CREATE TABLE transitions (
      from_entry TEXT PRIMARY KEY,
      to_entry TEXT NOT NULL UNIQUE,
      from_emotion TEXT NOT NULL,
      to_emotion TEXT NOT NULL,
      delta_ms INTEGER NOT NULL
    )`,
  ],
  [
    // Single-use tickets that open a live WebSocket; stored hashed, expired ones swept on issue.
    "CREATE TABLE live_tickets (ticket_hash TEXT PRIMARY KEY, expires_at INTEGER NOT NULL)",
  ],
  [
    // The safety screen's level for each state: crisis entries are never brought back as memories.
    "ALTER TABLE states ADD COLUMN safety_level TEXT NOT NULL DEFAULT 'none'",
  ],
  [
    // Aggregates kept exact on every write (graph-aggregates.ts), so that no write or reply rescans
    // the states. Each state: its recovery time if it can come back as a memory, and its valence
    // bucket (a hundredth and a tenth of the range) for finding the newest such memory.
    "ALTER TABLE states ADD COLUMN memory_ms INTEGER",
    "ALTER TABLE states ADD COLUMN valence_fine INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE states ADD COLUMN valence_coarse INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX states_valence ON states (valence, entry_id)",
    "CREATE INDEX states_memory_coarse ON states (primary_emotion, valence_coarse, recorded_at, entry_id) WHERE memory_ms IS NOT NULL",
    "CREATE INDEX states_memory_fine ON states (primary_emotion, valence_fine, recorded_at, entry_id) WHERE memory_ms IS NOT NULL",
    "CREATE INDEX states_memory_valence ON states (primary_emotion, valence, recorded_at, entry_id) WHERE memory_ms IS NOT NULL",
    // How many states there are, and the one at the lowest decile of valence (by valence, entry id).
    `CREATE TABLE state_order (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      count INTEGER NOT NULL,
      valence REAL,
      entry_id TEXT
    )`,
    // States per (primary emotion, positive): the totals triggers compare against, and the graph's nodes.
    `CREATE TABLE class_totals (
      emotion TEXT NOT NULL,
      positive INTEGER NOT NULL,
      count INTEGER NOT NULL,
      PRIMARY KEY (emotion, positive)
    ) WITHOUT ROWID`,
    // Per edge: count, sum of time deltas, median delta and the transition at the lower median.
    "CREATE INDEX transitions_edge ON transitions (from_emotion, to_emotion, delta_ms, from_entry)",
    `CREATE TABLE edge_stats (
      from_emotion TEXT NOT NULL,
      to_emotion TEXT NOT NULL,
      count INTEGER NOT NULL,
      sum_ms INTEGER NOT NULL,
      median_ms REAL NOT NULL,
      middle_ms INTEGER NOT NULL,
      middle_entry TEXT NOT NULL,
      PRIMARY KEY (from_emotion, to_emotion)
    ) WITHOUT ROWID`,
    // Per low state whose outcome is known: each action taken after it, and the recovery time if it worked.
    `CREATE TABLE tries (
      start_entry TEXT NOT NULL,
      action TEXT NOT NULL,
      emotion TEXT NOT NULL,
      recovery_ms INTEGER,
      PRIMARY KEY (start_entry, action)
    ) WITHOUT ROWID`,
    "CREATE INDEX tries_worked ON tries (emotion, action, recovery_ms, start_entry) WHERE recovery_ms IS NOT NULL",
    // Per (emotion, action): the evidence a suggestion shows, its score, and the try at the lower median.
    `CREATE TABLE action_stats (
      emotion TEXT NOT NULL,
      action TEXT NOT NULL,
      tried INTEGER NOT NULL,
      worked INTEGER NOT NULL,
      score REAL NOT NULL,
      median_ms REAL,
      middle_ms INTEGER,
      middle_entry TEXT,
      PRIMARY KEY (emotion, action)
    ) WITHOUT ROWID`,
    "CREATE INDEX action_rank ON action_stats (emotion, score, tried, action)",
    // Per (context, target emotion or '*' for any low state): low states and other states whose
    // context holds it; ratio = (low + 1) / (others + 1) orders the lift. 2 is TRIGGER_MIN_LOW.
    `CREATE TABLE trigger_stats (
      context TEXT NOT NULL,
      target TEXT NOT NULL,
      low INTEGER NOT NULL,
      others INTEGER NOT NULL,
      ratio REAL NOT NULL,
      PRIMARY KEY (context, target)
    ) WITHOUT ROWID`,
    "CREATE INDEX trigger_rank ON trigger_stats (target, ratio, context) WHERE low >= 2",
    // Once: the aggregates of the states already stored (a one-time scan, like the rescans it replaces).
    (sql) => {
      const states = sql.exec<StateRow>(`SELECT ${STATE_COLUMNS} FROM states ORDER BY recorded_at, entry_id`).toArray().map(toState);
      new SqlGraphStore(sql).load(aggregatesOf(states), states);
    },
  ],
];

/** Brings the schema up to `version` (the newest unless a test asks for an older one to migrate from). */
export function migrateGraphSchema(storage: DurableObjectStorage, version = MIGRATIONS.length): void {
  const sql = storage.sql;
  sql.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  const current = sql.exec<{ version: number | null }>("SELECT max(version) AS version FROM schema_version").one().version ?? 0;
  MIGRATIONS.slice(current, version).forEach((steps, i) =>
    storage.transactionSync(() => {
      for (const step of steps) {
        if (typeof step === "string") sql.exec(step);
        else step(sql);
      }
      sql.exec("INSERT INTO schema_version (version) VALUES (?)", current + i + 1);
    }),
  );
}
