// A person's categories, each with how many of their entries it holds. Names are unique per person
// (case-insensitively): a clash answers 409.
import { and, asc, count, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { categories, entries } from "../db/schema.ts";
import { isUniqueViolation } from "../lib/db-errors.ts";
import { ApiError, notFound } from "../lib/errors.ts";

const nameTaken = () => new ApiError(409, "category_exists", "You already have a category with that name.");

/** Runs a write, turning the unique-name violation into the 409 a person understands. */
async function uniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}

function categoriesWithCounts(db: Database, userId: string) {
  return db
    .select({ id: categories.id, name: categories.name, color: categories.color, entry_count: count(entries.id) })
    .from(categories)
    .leftJoin(entries, and(eq(entries.categoryId, categories.id), eq(entries.userId, userId)))
    .groupBy(categories.id);
}

export function listCategories(db: Database, userId: string) {
  return categoriesWithCounts(db, userId).where(eq(categories.userId, userId)).orderBy(asc(categories.name));
}

export async function findCategory(db: Database, userId: string, id: string) {
  const [row] = await categoriesWithCounts(db, userId).where(and(eq(categories.userId, userId), eq(categories.id, id)));
  if (!row) throw notFound("category");
  return row;
}

export async function createCategory(db: Database, userId: string, input: { name: string; color?: string | null }) {
  const category = { id: crypto.randomUUID(), name: input.name, color: input.color ?? null };
  await uniqueName(() => db.insert(categories).values({ ...category, userId, createdAt: Date.now() }));
  return { ...category, entry_count: 0 };
}

export async function updateCategory(db: Database, userId: string, id: string, changes: { name?: string; color?: string | null }) {
  await findCategory(db, userId, id);
  await uniqueName(() =>
    db
      .update(categories)
      .set({ name: changes.name, color: changes.color })
      .where(and(eq(categories.id, id), eq(categories.userId, userId))),
  );
  return findCategory(db, userId, id);
}

export async function deleteCategory(db: Database, userId: string, id: string): Promise<void> {
  const deleted = await db
    .delete(categories)
    .where(and(eq(categories.id, id), eq(categories.userId, userId)))
    .returning({ id: categories.id });
  if (deleted.length === 0) throw notFound("category");
}
