// One EmotionalGraph per person: their emotional states and transitions, kept in the object's own
// SQLite storage so that updates for one person are serialised. The graph logic arrives with the
// emotion issue; this holds the storage lifecycle every later method relies on.
import { DurableObject } from "cloudflare:workers";

const SCHEMA_VERSION = 1;

export class EmotionalGraph extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => this.migrate());
  }

  private migrate(): void {
    const sql = this.ctx.storage.sql;
    sql.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    const current = sql.exec<{ version: number }>("SELECT max(version) AS version FROM schema_version").one().version ?? 0;
    if (current < 1) {
      sql.exec(`CREATE TABLE IF NOT EXISTS states (
        entry_id TEXT PRIMARY KEY,
        revision INTEGER NOT NULL,
        recorded_at INTEGER NOT NULL,
        primary_emotion TEXT NOT NULL,
        valence REAL NOT NULL
      )`);
      sql.exec("INSERT INTO schema_version (version) VALUES (?)", SCHEMA_VERSION);
    }
  }

  /** How many states the graph holds (used to check that deletion really empties it). */
  async stateCount(): Promise<number> {
    return this.ctx.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM states").one().n;
  }

  /**
   * Erases everything this person's object stores; part of deleting the account. The empty schema
   * is laid down again at once, so a late call (a queued job, an open tab) meets an empty graph
   * rather than missing tables.
   */
  async deleteAll(): Promise<void> {
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    this.migrate();
  }
}
