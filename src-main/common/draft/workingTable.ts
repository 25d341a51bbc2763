/**
 * A copy-on-write view of one entity array of a snapshot. Reads go to the input array until the first write,
 * which copies the array once; later writes in the same run edit that private copy. Rows are never mutated:
 * an update replaces the row object, so everything untouched stays shared with the input (structural sharing).
 *
 * Key → position indexes are cached per array in a WeakMap, so the next `apply` on the result (the common case:
 * one gesture after another) finds its index ready instead of rebuilding it over 20k users.
 */
const indexCache = new WeakMap<readonly unknown[], ReadonlyMap<string, number>>();

function buildIndex<T>(rows: readonly T[], keyOf: (row: T) => string): ReadonlyMap<string, number> {
  const cached = indexCache.get(rows);
  if (cached) return cached;
  const index = new Map<string, number>();
  rows.forEach((row, i) => index.set(keyOf(row), i));
  indexCache.set(rows, index);
  return index;
}

export class WorkingTable<T> {
  private rows: readonly T[];
  private owned = false;
  /** null = rebuild on next read; `indexOwned` = this map is ours to edit (not the cached one of the input). */
  private index: ReadonlyMap<string, number> | null = null;
  private indexOwned = false;

  constructor(
    rows: readonly T[],
    private readonly keyOf: (row: T) => string,
  ) {
    this.rows = rows;
  }

  get all(): readonly T[] {
    return this.rows;
  }

  get size(): number {
    return this.rows.length;
  }

  position(key: string): number | undefined {
    if (!this.index) {
      this.index = this.owned ? this.rebuild() : buildIndex(this.rows, this.keyOf);
      this.indexOwned = this.owned;
    }
    return this.index.get(key);
  }

  get(key: string): T | undefined {
    const i = this.position(key);
    return i === undefined ? undefined : this.rows[i];
  }

  has(key: string): boolean {
    return this.position(key) !== undefined;
  }

  /** Replaces the row under `key` with `change(row)`; returning the same object is a no-op. */
  update(key: string, change: (row: T) => T): void {
    const i = this.position(key);
    if (i === undefined) throw new Error(`no row ${key}`);
    const before = this.rows[i] as T;
    const after = change(before);
    if (after === before) return;
    this.writable()[i] = after;
  }

  /** Inserts at `at` (clamped), or appends. */
  insert(row: T, at?: number): void {
    const rows = this.writable();
    const position = at === undefined ? rows.length : Math.min(at, rows.length);
    rows.splice(position, 0, row);
    if (position === rows.length - 1 && this.index) {
      this.editableIndex().set(this.keyOf(row), position);
    } else {
      this.index = null;
    }
  }

  /** Removes the row under `key`; returns its former position. */
  remove(key: string): number {
    const i = this.position(key);
    if (i === undefined) throw new Error(`no row ${key}`);
    this.writable().splice(i, 1);
    this.index = null;
    return i;
  }

  /** Removes every row whose key is in `keys`, in one pass (removing one by one would re-index each time). */
  removeKeys(keys: ReadonlySet<string>): void {
    if (keys.size === 0) return;
    this.rows = this.rows.filter((row) => !keys.has(this.keyOf(row)));
    this.owned = true;
    this.index = null;
  }

  /**
   * Inserts rows at strictly ascending positions, each counted in the array as it is after the earlier ones
   * went in (exactly what inserting them one by one would do), in one pass. Used by undo to put many rows back.
   */
  insertAscending(entries: ReadonlyArray<{ row: T; at: number }>): void {
    if (entries.length === 0) return;
    const merged: T[] = [];
    let next = 0;
    for (const { row, at } of entries) {
      while (merged.length < at && next < this.rows.length) merged.push(this.rows[next++] as T);
      merged.push(row);
    }
    while (next < this.rows.length) merged.push(this.rows[next++] as T);
    this.rows = merged;
    this.owned = true;
    this.index = null;
  }

  /** The resulting array; its index is cached for the next run. */
  result(): readonly T[] {
    if (this.owned && this.index && this.index.size === this.rows.length) indexCache.set(this.rows, this.index);
    return this.rows;
  }

  private writable(): T[] {
    if (!this.owned) {
      this.rows = this.rows.slice();
      this.owned = true;
    }
    return this.rows as T[];
  }

  private editableIndex(): Map<string, number> {
    if (!this.index) this.index = this.rebuild();
    else if (!this.indexOwned) this.index = new Map(this.index);
    this.indexOwned = true;
    return this.index as Map<string, number>;
  }

  private rebuild(): Map<string, number> {
    const index = new Map<string, number>();
    this.rows.forEach((row, i) => index.set(this.keyOf(row), i));
    this.indexOwned = true;
    return index;
  }
}
