import { createHash } from 'node:crypto';

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryContent {
  at: string;
  actor: string;
  action: string;
  /** Canonical JSON text (see canonicalJson). */
  details: string;
  prevHash: string;
}

/**
 * JSON with object keys sorted at every level, so equal details always give equal text and equal hashes
 * whatever order the caller built the object in. Only plain JSON values are accepted.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('audit details must be plain JSON');
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') throw new TypeError('audit details must be plain JSON');
  return value;
}

/**
 * An entry's canonical form is a JSON array of its fields in a fixed order. The sequence number is left out
 * on purpose: an entry's place is fixed by the chain (the next entry carries this entry's hash), so rows
 * moved to other sequence numbers still hash the same and show up as a broken link, i.e. as reordered.
 */
export function canonicalForm(entry: AuditEntryContent): string {
  return JSON.stringify([entry.at, entry.actor, entry.action, entry.details, entry.prevHash]);
}

export function entryHash(entry: AuditEntryContent): string {
  return createHash('sha256').update(canonicalForm(entry), 'utf8').digest('hex');
}
