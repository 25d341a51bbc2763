import { sql } from '../statements';
import type { Db } from '../sqlcipher';
import { GENESIS_HASH } from '../repos/auditCanonical';
import { verifyAuditChain, type AuditBreak } from '../repos/auditRepo';
import { readAnchor, type AnchorHead, type AnchorRecord } from './anchorFile';

export type AnchorBreak =
  /** The log has fewer entries than Gatehouse had committed: its tail was removed (or the file rolled back). */
  | 'TRUNCATED'
  /** The entry at the anchored position is not the one Gatehouse committed: history was edited and re-hashed. */
  | 'REWRITTEN'
  /** The log goes on past everything Gatehouse committed: entries were added outside Gatehouse. */
  | 'FORGED'
  /** The anchor file is gone while the workspace is open (it is created at open when missing). */
  | 'ANCHOR_MISSING'
  /** The anchor file is unreadable or its MAC does not match this workspace's key. */
  | 'ANCHOR_INVALID';

export type AnchoredAuditVerification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt?: number; reason: AuditBreak | AnchorBreak; message: string };

export function readDbHead(db: Db): AnchorHead {
  const row = sql(db, 'SELECT seq, hash FROM audit_head WHERE singleton = 1').get() as AnchorHead | undefined;
  return row ?? { seq: 0, hash: GENESIS_HASH };
}

export function sameHead(a: AnchorHead, b: AnchorHead | undefined): boolean {
  return b !== undefined && a.seq === b.seq && a.hash === b.hash;
}

/**
 * Compare a log whose chain is whole (`entries` entries, verified) with the anchor. The database head may be
 * the anchored head or the pending one (a crash between the COMMIT and the anchor update); anything else is
 * named by where the two part.
 */
export function compareWithAnchor(db: Db, entries: number, record: AnchorRecord): AnchoredAuditVerification {
  const hashAt = (seq: number): string | undefined =>
    seq === 0 ? GENESIS_HASH : (sql(db, 'SELECT hash FROM audit_log WHERE seq = ?').get(seq) as { hash: string } | undefined)?.hash;
  const holds = (head: AnchorHead): boolean => head.seq <= entries && hashAt(head.seq) === head.hash;
  const endsAt = (head: AnchorHead | undefined): boolean => head !== undefined && head.seq === entries && holds(head);
  if (endsAt(record.head) || endsAt(record.pending)) return { ok: true, entries };

  const fail = (reason: AnchorBreak, brokenAt: number, message: string): AnchoredAuditVerification => ({ ok: false, entries, brokenAt, reason, message });
  const anchored = record.head;
  if (entries < anchored.seq) {
    return fail('TRUNCATED', entries + 1, `the audit log ends at entry ${entries}, but Gatehouse had committed ${anchored.seq} entries: the tail was removed`);
  }
  if (!holds(anchored)) {
    return fail('REWRITTEN', anchored.seq, `audit entry ${anchored.seq} is not the one Gatehouse committed: the log was rewritten at or before it`);
  }
  const last = record.pending && holds(record.pending) ? record.pending : anchored;
  return fail('FORGED', last.seq + 1, `audit entries from ${last.seq + 1} on were not written by Gatehouse: it last committed entry ${last.seq}`);
}

/** The chain first (it names the exact broken link), then the anchor outside the file. */
export function verifyAuditWithAnchor(db: Db, anchorPath: string, anchorKey: Buffer): AnchoredAuditVerification {
  const chain = verifyAuditChain(db);
  if (!chain.ok) return chain;
  const read = readAnchor(anchorPath, anchorKey);
  if (read.status === 'missing') {
    return { ok: false, entries: chain.entries, reason: 'ANCHOR_MISSING', message: 'the audit anchor file next to the workspace was removed while it was open' };
  }
  if (read.status === 'invalid') {
    return { ok: false, entries: chain.entries, reason: 'ANCHOR_INVALID', message: 'the audit anchor file was changed or replaced: its MAC does not match this workspace' };
  }
  return compareWithAnchor(db, chain.entries, read.record);
}
