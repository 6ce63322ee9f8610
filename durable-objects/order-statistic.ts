// An order statistic (a median, the lowest decile) kept exact under inserts and deletes without
// counting through the set: a pointer to the element at the wanted rank, moved one step at a time.
// SQLite has no "k-th row" seek (OFFSET walks every row before it), but it seeks the next and the
// previous key of an index, and one insert or delete moves the wanted rank by at most one.

/** One element of an ordered multiset: ordered by value, then by a unique id. */
export interface RankedKey {
  value: number;
  uid: string;
}

/** The neighbours of a key in the current set (the key itself need not be in it). */
export interface OrderedSet {
  next(key: RankedKey): RankedKey | null;
  prev(key: RankedKey): RankedKey | null;
}

/** How many elements the set holds, and the one at rank `rank(count)` (null when empty). */
export interface RankPointer {
  count: number;
  at: RankedKey | null;
}

/** Which rank a pointer follows, as a function of the set's size (>= 1). */
export type RankOf = (count: number) => number;

/** The lower median: `median()` averages it with the next element when the count is even. */
export const lowerMedianRank: RankOf = (count) => (count - 1) >> 1;

/**
 * Ids compare as SQLite's BINARY collation compares them (UTF-8 bytes, that is code points), not as
 * JavaScript's `<` does (UTF-16 units): the two differ above U+FFFF.
 */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  while (i < a.length && i < b.length) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca - cb;
    i += ca > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}

export const compareKeys = (a: RankedKey, b: RankedKey): number => a.value - b.value || compareIds(a.uid, b.uid);

function walk(set: OrderedSet, from: RankedKey, rank: number, target: number): RankedKey {
  let at = from;
  for (; rank < target; rank++) at = set.next(at)!;
  for (; rank > target; rank--) at = set.prev(at)!;
  return at;
}

/** The pointer after `added` joined the set (call it with the set already holding `added`). */
export function pointerAfterInsert(set: OrderedSet, pointer: RankPointer, added: RankedKey, rankOf: RankOf): RankPointer {
  const count = pointer.count + 1;
  if (pointer.at === null) return { count, at: added };
  const rank = rankOf(pointer.count) + (compareKeys(added, pointer.at) < 0 ? 1 : 0);
  return { count, at: walk(set, pointer.at, rank, rankOf(count)) };
}

/** The pointer after `removed` left the set (call it with the set no longer holding `removed`). */
export function pointerAfterDelete(set: OrderedSet, pointer: RankPointer, removed: RankedKey, rankOf: RankOf): RankPointer {
  const count = pointer.count - 1;
  if (count === 0 || pointer.at === null) return { count: Math.max(count, 0), at: null };
  let at = pointer.at;
  let rank = rankOf(pointer.count);
  const side = compareKeys(removed, at);
  if (side === 0) {
    // The pointed element left: its successor now holds its rank (or, at the end, its predecessor one less).
    const next = set.next(at);
    if (next) at = next;
    else {
      at = set.prev(at)!;
      rank--;
    }
  } else if (side < 0) rank--;
  return { count, at: walk(set, at, rank, rankOf(count)) };
}

/** The median of the set, as `median()` computes it, from a pointer at the lower median. */
export function medianAt(set: OrderedSet, pointer: RankPointer): number | null {
  if (pointer.at === null) return null;
  if (pointer.count % 2) return pointer.at.value;
  return (pointer.at.value + set.next(pointer.at)!.value) / 2;
}
