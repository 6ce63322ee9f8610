// Entries written without a connection wait here, in IndexedDB on this device, and are sent when the
// connection returns. Each carries the Idempotency-Key it was first sent with, so a retry after a
// lost answer never makes a second entry (the API replays the first answer for 24 hours).
// An entry the API refuses (too long, say) stays, marked, until the person edits or discards it.
import { api } from "./api.ts";
import { problemFromResponse } from "./errors.ts";

export interface JournalEntryBody {
  content: string;
  tags?: string[];
  private: boolean;
  /** When it was written (the API dates an entry that waited by it). */
  written_at?: string;
}

export interface OutboxEntry {
  /** Also the Idempotency-Key. */
  key: string;
  userId: string;
  body: JournalEntryBody;
  /** ISO time it was written on this device. */
  writtenAt: string;
  /** Why the API refused it; null while it waits. */
  problem: string | null;
}

/** The journal's answer to a new entry, as the typed client reads it. */
export type JournalReply = Extract<Awaited<ReturnType<typeof api.api.journal.entries.$post>>, { status: 201 }> extends { json(): Promise<infer R> } ? R : never;

export type SendResult =
  | { kind: "sent"; reply: JournalReply }
  | { kind: "offline" }
  | { kind: "busy" }
  | { kind: "refused"; problem: string };

/**
 * The signed-in person's waiting entries, oldest first, and whether the last try to send found the
 * server out of reach (the browser's own online flag is not always told) (reactive).
 */
export const outbox = $state<{ entries: OutboxEntry[]; unreachable: boolean }>({ entries: [], unreachable: false });

/** How often waiting entries are tried again while the connection seems to be gone. */
export const RETRY_MS = 10_000;

const DB_NAME = "tideline-outbox";
const STORE = "entries";

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "key" });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = run(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

const isOutboxEntry = (value: unknown): value is OutboxEntry =>
  typeof value === "object" && value !== null && "key" in value && "userId" in value && "body" in value && "writtenAt" in value;

export async function loadOutbox(userId: string): Promise<void> {
  try {
    const all = await withStore<unknown[]>("readonly", (store) => store.getAll());
    outbox.entries = all.filter(isOutboxEntry).filter((e) => e.userId === userId).sort((a, b) => a.writtenAt.localeCompare(b.writtenAt));
  } catch {
    // No IndexedDB (a private window may refuse it): nothing can have waited here.
    outbox.entries = [];
  }
}

export async function addToOutbox(entry: OutboxEntry): Promise<void> {
  await withStore("readwrite", (store) => store.put($state.snapshot(entry)));
  outbox.entries = [...outbox.entries.filter((e) => e.key !== entry.key), entry];
}

export async function removeFromOutbox(key: string): Promise<void> {
  await withStore("readwrite", (store) => store.delete(key));
  outbox.entries = outbox.entries.filter((e) => e.key !== key);
}

/**
 * Deletes the person's waiting entries from this device (signing out with entries unsent, once the
 * person has said so): nothing of their journal stays behind for the next person at this browser.
 */
export async function clearOutbox(userId: string): Promise<void> {
  try {
    const db = await openDb();
    try {
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(STORE, "readwrite");
        const store = transaction.objectStore(STORE);
        const all = store.getAll();
        all.onsuccess = () => {
          for (const value of all.result as unknown[]) if (isOutboxEntry(value) && value.userId === userId) store.delete(value.key);
        };
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error);
      });
    } finally {
      db.close();
    }
  } catch {
    // No IndexedDB: nothing can have waited here.
  }
  outbox.entries = [];
}

async function markRefused(entry: OutboxEntry, problem: string): Promise<void> {
  const marked = { ...entry, problem };
  await withStore("readwrite", (store) => store.put($state.snapshot(marked)));
  outbox.entries = outbox.entries.map((e) => (e.key === entry.key ? marked : e));
}

/** Sends one journal entry with its key. A network failure or a retry still running is not a refusal. */
export async function sendJournalEntry(key: string, body: JournalEntryBody): Promise<SendResult> {
  const res = await api.api.journal.entries.$post({ json: body }, { headers: { "Idempotency-Key": key } }).catch((err: unknown) => {
    if (err instanceof TypeError) return null;
    throw err;
  });
  outbox.unreachable = !res;
  if (!res) return { kind: "offline" };
  if (res.ok) return { kind: "sent", reply: await res.json() };
  // 409: the first try is still being answered; 5xx: the server's trouble, not the entry's.
  const status: number = res.status;
  if (status === 409 || status >= 500) return { kind: "busy" };
  return { kind: "refused", problem: (await problemFromResponse(res)).message };
}

let flushing: Promise<void> | null = null;

/**
 * Sends the waiting entries in the order they were written, stopping at the first that cannot go
 * yet; `onSent` shows each reply. One flush at a time, however often the connection comes back.
 */
export function flushOutbox(onSent: (entry: OutboxEntry, reply: JournalReply) => void): Promise<void> {
  flushing ??= (async () => {
    for (const entry of [...outbox.entries]) {
      if (entry.problem) continue;
      const result = await sendJournalEntry(entry.key, entry.body);
      if (result.kind === "offline" || result.kind === "busy") return;
      if (result.kind === "refused") {
        await markRefused(entry, result.problem);
        continue;
      }
      await removeFromOutbox(entry.key);
      onSent(entry, result.reply);
    }
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}
