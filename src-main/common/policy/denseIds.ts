/**
 * Id → number, for ids that are mostly integers (WukongCRM's auto-increment `user_id`, `menu_id`, `role_id`). A
 * `Map<string, number>` with a million string keys is the single slowest part of a compile (every key hashed and
 * inserted, every manager looked up) and of a decision by id (a probe through a table far larger than the cache).
 * Here an id's numeric value minus the smallest value is a *slot* in a flat array, and the slot keeps the id that
 * owns it: a lookup is `+id` (V8 keeps the value of a short integer string in the string's hash field, so this
 * reads no characters), one array read and a string comparison — by reference when the caller passes the compiled
 * snapshot's own strings. Whatever owns no slot — a GUID, "007" or "1e2" beside "7" or "100", a value too far from
 * the rest — goes through an ordinary Map. Answers are those of a Map filled in order, where the first occurrence
 * of a repeated id wins.
 *
 * Slots are also positions for data laid out by id (decisionIndex.ts): `locate(id)` gives the position and
 * `indexAt(position)` the number.
 */
export class DenseIds implements ReadonlyMap<string, number> {
  /** Numeric value of slot 0. */
  private readonly base: number;
  /** Number of slots: positions below this are slots, positions from it on belong to `other` ids. */
  readonly slotCount: number;
  /** Slot → the id that owns it (null: none). */
  private readonly slotIds: Array<string | null>;
  /** Slot → number of the first occurrence of its id, -1 when none. */
  private readonly slotIndex: Int32Array;
  /** Ids without a slot → position (slotCount + k). */
  private readonly other: Map<string, number>;
  /** k → number of the k-th `other` id. */
  private readonly otherIndex: Int32Array;
  /** Distinct ids. */
  readonly size: number;
  /** slotCount + other ids: the length of anything laid out by position. */
  readonly positionCount: number;
  /** Every id occurs once, so get(ids[i]) === i for every i. */
  readonly unique: boolean;

  constructor(private readonly ids: readonly string[]) {
    const n = ids.length;
    let min = Infinity;
    let max = -Infinity;
    let numeric = 0;
    for (let i = 0; i < n; i++) {
      const v = +ids[i]!;
      if (!Number.isSafeInteger(v) || v < 0) continue;
      numeric++;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    // Slots only while they stay within a small multiple of the ids (gaps are deleted users): memory is per slot.
    const span = numeric > 0 ? max - min + 1 : 0;
    const dense = numeric > 0 && span <= 2 * numeric + 1024;
    this.base = dense ? min : 0;
    this.slotCount = dense ? span : 0;
    // Filled by push so that V8 keeps it a packed array (a large `new Array(n)` is a dictionary).
    this.slotIds = [];
    for (let s = 0; s < this.slotCount; s++) this.slotIds.push(null);
    this.slotIndex = new Int32Array(this.slotCount).fill(-1);
    this.other = new Map();
    const otherIndex: number[] = [];
    let size = 0;
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      const slot = +id - this.base;
      if (dense && Number.isSafeInteger(slot) && slot >= 0 && slot < this.slotCount) {
        const owner = this.slotIds[slot];
        if (owner === null) {
          this.slotIds[slot] = id;
          this.slotIndex[slot] = i;
          size++;
          continue;
        }
        if (owner === id) continue; // a repeat: the first occurrence keeps the slot
      }
      if (!this.other.has(id)) {
        this.other.set(id, this.slotCount + otherIndex.length);
        otherIndex.push(i);
        size++;
      }
    }
    this.otherIndex = Int32Array.from(otherIndex);
    this.size = size;
    this.positionCount = this.slotCount + otherIndex.length;
    this.unique = size === n;
  }

  /** Position of the id (a slot, or past the slots for other ids), -1 when unknown. */
  locate(id: string): number {
    const slot = +id - this.base;
    // `>>> 0` keeps NaN, negative and fractional values out: they differ from their uint32 image.
    if (slot >>> 0 === slot && slot < this.slotCount && this.slotIds[slot] === id) return slot;
    return this.other.size === 0 ? -1 : (this.other.get(id) ?? -1);
  }

  /** Number of the id at a position locate() returned. */
  indexAt(position: number): number {
    return position < this.slotCount ? this.slotIndex[position]! : this.otherIndex[position - this.slotCount]!;
  }

  get(id: string): number | undefined {
    const p = this.locate(id);
    return p < 0 ? undefined : this.indexAt(p);
  }

  has(id: string): boolean {
    return this.locate(id) >= 0;
  }

  /** In the order a Map filled from the ids would iterate: first occurrences, ascending. */
  *entries(): MapIterator<[string, number]> {
    for (let i = 0; i < this.ids.length; i++) if (this.get(this.ids[i]!) === i) yield [this.ids[i]!, i];
  }

  *keys(): MapIterator<string> {
    for (const [id] of this.entries()) yield id;
  }

  *values(): MapIterator<number> {
    for (const [, i] of this.entries()) yield i;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  forEach(fn: (value: number, key: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    for (const [id, i] of this.entries()) fn.call(thisArg, i, id, this);
  }
}

