// The EmotionalGraph's SQLite schema, versioned in a table so later changes migrate in place.
const MIGRATIONS: string[][] = [
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
];

export function migrateGraphSchema(sql: SqlStorage): void {
  sql.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  const current = sql.exec<{ version: number | null }>("SELECT max(version) AS version FROM schema_version").one().version ?? 0;
  MIGRATIONS.slice(current).forEach((statements, i) => {
    for (const statement of statements) sql.exec(statement);
    sql.exec("INSERT INTO schema_version (version) VALUES (?)", current + i + 1);
  });
}
