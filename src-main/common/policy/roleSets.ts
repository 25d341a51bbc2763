/**
 * Distinct role sets (super-admin flag + role numbers), numbered in the order they are first seen: how users are
 * grouped into profiles (profiles.ts). A set is a sequence here: profiles.ts hands it sorted, or in the user's order
 * where the edition's scope rule reads the order (PHP), and equal sequences are one set. A million users hold a few tens of thousands of distinct sets; building a
 * string key per user and a Map over them was most of the profile step of a compile, so the sets are hashed as
 * numbers in an open-addressing table, and a set is compared with the stored copy of the first one seen.
 */
export class RoleSetTable {
  /** Slot → set number + 1 (0 = empty); a power of two long. */
  private slots = new Int32Array(1024);
  private hashes: Int32Array = new Int32Array(256);
  /** CSR of each set's roles, in key order; the flag is kept apart. */
  private start: Int32Array = new Int32Array(257);
  private roles: Int32Array = new Int32Array(1024);
  private flags: Uint8Array = new Uint8Array(256);
  /** Sets numbered so far. */
  count = 0;

  /**
   * The number of the set `sorted[0..length)` with the flag, a new one when unseen. `sorted` must be without
   * repeats and in key order (ascending for unordered sets); it is copied, not kept.
   */
  intern(flag: number, sorted: Int32Array, length: number): number {
    let h = Math.imul(flag + 1, 0x9e3779b1);
    for (let i = 0; i < length; i++) h = Math.imul(h ^ sorted[i]!, 0x85ebca6b) ^ (h >>> 13);
    h |= 0;
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const found = this.slots[s]! - 1;
      if (found < 0) {
        const set = this.add(h, flag, sorted, length);
        this.slots[s] = set + 1;
        if (this.count * 2 > this.slots.length) this.grow();
        return set;
      }
      if (this.hashes[found] === h && this.same(found, flag, sorted, length)) return found;
    }
  }

  /** Roles of set `set`, in key order. */
  rolesOf(set: number): Int32Array {
    return this.roles.subarray(this.start[set]!, this.start[set + 1]!);
  }

  flagOf(set: number): number {
    return this.flags[set]!;
  }

  private same(set: number, flag: number, sorted: Int32Array, length: number): boolean {
    const from = this.start[set]!;
    if (this.flags[set] !== flag || this.start[set + 1]! - from !== length) return false;
    for (let i = 0; i < length; i++) if (this.roles[from + i] !== sorted[i]) return false;
    return true;
  }

  private add(h: number, flag: number, sorted: Int32Array, length: number): number {
    const set = this.count++;
    if (set + 1 >= this.hashes.length) {
      this.hashes = grown(this.hashes, this.hashes.length * 2);
      this.flags = grown(this.flags, this.flags.length * 2);
      this.start = grown(this.start, this.start.length * 2);
    }
    const from = this.start[set]!;
    if (from + length > this.roles.length) this.roles = grown(this.roles, Math.max(this.roles.length * 2, from + length));
    this.roles.set(sorted.subarray(0, length), from);
    this.start[set + 1] = from + length;
    this.hashes[set] = h;
    this.flags[set] = flag;
    return set;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let set = 0; set < this.count; set++) {
      let s = this.hashes[set]! & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = set + 1;
    }
    this.slots = slots;
  }
}

function grown<T extends Int32Array | Uint8Array>(a: T, length: number): T {
  const out = new (a.constructor as new (n: number) => T)(length);
  out.set(a);
  return out;
}
