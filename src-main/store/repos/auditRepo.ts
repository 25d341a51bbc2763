import { notifyAuditAppend } from '../anchor/appendHook';
import type { Db } from '../sqlcipher';
import { sql } from '../statements';
import { GENESIS_HASH, canonicalJson, entryHash } from './auditCanonical';

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  details: unknown;
  prevHash: string;
  hash: string;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  details: string;
  prev_hash: string;
  hash: string;
}

/**
 * Append one entry chained to the newest one, and move the head, in one transaction. The connection's audit
 * anchor (if any) hears of the new head before the transaction commits (anchor/appendHook.ts).
 */
export function appendAudit(db: Db, args: { at: string; actor: string; action: string; details?: unknown }): AuditEntry {
  return db
    .transaction(() => {
      const head = sql(db, 'SELECT seq, hash FROM audit_head WHERE singleton = 1').get() as { seq: number; hash: string } | undefined;
      const content = { at: args.at, actor: args.actor, action: args.action, details: canonicalJson(args.details ?? {}), prevHash: head?.hash ?? GENESIS_HASH };
      const seq = (head?.seq ?? 0) + 1;
      const hash = entryHash(content);
      sql(db, 'INSERT INTO audit_log (seq, at, actor, action, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        seq,
        content.at,
        content.actor,
        content.action,
        content.details,
        content.prevHash,
        hash,
      );
      sql(db, 'INSERT INTO audit_head (singleton, seq, hash) VALUES (1, ?, ?) ON CONFLICT (singleton) DO UPDATE SET seq = excluded.seq, hash = excluded.hash').run(seq, hash);
      notifyAuditAppend(db, { seq, hash });
      return { seq, at: content.at, actor: content.actor, action: content.action, details: JSON.parse(content.details) as unknown, prevHash: content.prevHash, hash };
    })
    .immediate();
}

/** Newest first, `limit` entries older than `beforeSeq` (for paging back through the log). */
export function listAudit(db: Db, args: { limit?: number; beforeSeq?: number } = {}): AuditEntry[] {
  const rows = sql(db, 'SELECT seq, at, actor, action, details, prev_hash, hash FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT ?').all(
    args.beforeSeq ?? Number.MAX_SAFE_INTEGER,
    args.limit ?? 100,
  ) as AuditRow[];
  return rows.map((r) => ({ seq: r.seq, at: r.at, actor: r.actor, action: r.action, details: JSON.parse(r.details) as unknown, prevHash: r.prev_hash, hash: r.hash }));
}

export type AuditBreak =
  /** A sequence number is missing: an entry was deleted. */
  | 'MISSING_ENTRY'
  /** The entry's content no longer matches its own hash: it was edited. */
  | 'ENTRY_ALTERED'
  /** The entry is intact but does not follow the one before it: entries were reordered, or removed and renumbered. */
  | 'CHAIN_BROKEN'
  /** The newest entry is not the one the head records: the tail was deleted or replaced. */
  | 'HEAD_MISMATCH';

export type AuditVerification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number; reason: AuditBreak; message: string };

/** Walk the whole chain in order and name the first broken link. Reads row by row: the log can be long. */
export function verifyAuditChain(db: Db): AuditVerification {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let entries = 0;
  const broken = (brokenAt: number, reason: AuditBreak, message: string): AuditVerification => ({ ok: false, entries, brokenAt, reason, message });

  for (const row of db.prepare('SELECT seq, at, actor, action, details, prev_hash, hash FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    entries++;
    if (row.seq !== expectedSeq) return broken(expectedSeq, 'MISSING_ENTRY', `audit entry ${expectedSeq} is missing (the next one is ${row.seq})`);
    const hash = entryHash({ at: row.at, actor: row.actor, action: row.action, details: row.details, prevHash: row.prev_hash });
    if (hash !== row.hash) return broken(row.seq, 'ENTRY_ALTERED', `audit entry ${row.seq} was changed after it was written`);
    if (row.prev_hash !== prevHash) {
      return broken(row.seq, 'CHAIN_BROKEN', `audit entry ${row.seq} does not follow entry ${row.seq - 1}: entries were reordered or removed`);
    }
    prevHash = row.hash;
    expectedSeq++;
  }
  const head = sql(db, 'SELECT seq, hash FROM audit_head WHERE singleton = 1').get() as { seq: number; hash: string } | undefined;
  const lastSeq = expectedSeq - 1;
  if ((head?.seq ?? 0) !== lastSeq || (head?.hash ?? GENESIS_HASH) !== prevHash) {
    const at = Math.min(lastSeq + 1, head?.seq ?? lastSeq + 1);
    return broken(at, 'HEAD_MISMATCH', `the audit log ends at entry ${lastSeq} but entry ${head?.seq ?? 0} was the last one written`);
  }
  return { ok: true, entries };
}
