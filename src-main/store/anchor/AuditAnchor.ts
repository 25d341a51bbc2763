import type { Db } from '../sqlcipher';
import { wipeKey } from '../keys/dataKey';
import { readAnchor, writeAnchor, type AnchorHead, type AnchorRecord } from './anchorFile';
import { deriveAnchorKey } from './anchorKey';
import { setAuditAppendListener } from './appendHook';
import { verifyAuditChain } from '../repos/auditRepo';
import { compareWithAnchor, readDbHead, sameHead, verifyAuditWithAnchor, type AnchoredAuditVerification } from './anchorVerdict';

/**
 * The audit anchor of one open workspace: the newest committed audit head, MACed, in a file beside the
 * database (decision 20 in docs/decisions.md). Every append announces its head before COMMIT (pending);
 * `afterUse` records it as committed once the transaction is over. The anchor only ever moves forward
 * along heads this process committed: if the database does not match it at open, it is left as found —
 * the evidence `verify` reports — and no longer moved.
 */
export class AuditAnchor {
  readonly #db: Db;
  readonly #path: string;
  /** The MAC key(s): the current one first; two only while a rekey is under way. */
  #keys: Buffer[];
  /** The record on disk as last read or written (null when the file is unreadable). */
  #onDisk: AnchorRecord | null;
  #committed: AnchorHead;
  /** Heads announced since the last `afterUse`: one per append in the transaction. */
  #announced: AnchorHead[] = [];
  #tracking: boolean;
  /**
   * What the comparison said at open when the database did not match: later commits (the unlock's own entry
   * first) would turn a truncation into something that looks like a rewrite, so the first finding is kept.
   */
  #foundAtOpen: AnchoredAuditVerification | null = null;
  /** True when there was no anchor and this open created it (a workspace from before anchors). */
  readonly created: boolean;

  private constructor(db: Db, path: string, key: Buffer, state: { onDisk: AnchorRecord | null; committed: AnchorHead; tracking: boolean; created: boolean }) {
    this.#db = db;
    this.#path = path;
    this.#keys = [key];
    this.#onDisk = state.onDisk;
    this.#committed = state.committed;
    this.#tracking = state.tracking;
    this.created = state.created;
    setAuditAppendListener(db, (head) => this.#announce(head));
  }

  /** Read (or create) the anchor of a freshly opened, checked database; `dataKey` stays the caller's. */
  static attach(db: Db, path: string, dataKey: Buffer): AuditAnchor {
    const key = deriveAnchorKey(dataKey);
    const dbHead = readDbHead(db);
    const read = readAnchor(path, key);
    if (read.status === 'missing') {
      writeAnchor(path, { head: dbHead }, [key], { durable: true });
      return new AuditAnchor(db, path, key, { onDisk: { head: dbHead }, committed: dbHead, tracking: true, created: true });
    }
    if (read.status === 'invalid') return new AuditAnchor(db, path, key, { onDisk: null, committed: dbHead, tracking: false, created: false });
    const { record } = read;
    const matches = sameHead(dbHead, record.head) || sameHead(dbHead, record.pending);
    const anchor = new AuditAnchor(db, path, key, { onDisk: record, committed: matches ? dbHead : record.head, tracking: matches, created: false });
    if (!matches) {
      // Rare (tampering, a lost WAL tail): walking the chain here is worth it to name what happened.
      const chain = verifyAuditChain(db);
      if (chain.ok) anchor.#foundAtOpen = compareWithAnchor(db, chain.entries, record);
    }
    // A crash after a COMMIT and before its anchor update: the pending head is the committed one now.
    if (matches && (record.pending || !sameHead(dbHead, record.head))) anchor.#write({ head: dbHead }, true);
    return anchor;
  }

  /** Run after every use of the connection: once no transaction is open, the announced head is committed or gone. */
  afterUse(): void {
    if (this.#announced.length === 0 || this.#db.inTransaction) return;
    const announced = this.#announced;
    this.#announced = [];
    const head = readDbHead(this.#db);
    if (sameHead(head, this.#committed) || announced.some((h) => sameHead(head, h))) {
      this.#committed = head;
      this.#tryWrite({ head }, { evenIfNotTracking: false });
    } else {
      // Neither what we had nor what we wrote: another writer. Keep the file as it is, for verify to report.
      this.#tracking = false;
    }
  }

  verify(): AnchoredAuditVerification {
    const now = verifyAuditWithAnchor(this.#db, this.#path, this.#keys[0]!);
    const found = this.#foundAtOpen;
    if (!found || found.ok || (!now.ok && !isAnchorFinding(now))) return now;
    return { ...found, entries: now.entries, message: `${found.message} (found when the workspace was opened)` };
  }

  /**
   * Around a rekey (rekey.ts): before it, the record carries MACs under both keys, so a crash leaves it
   * valid under whichever key the file is under; after it, only the key that won. `dataKey` stays the caller's.
   */
  beginRekey(newDataKey: Buffer): void {
    this.#keys = [deriveAnchorKey(newDataKey), ...this.#keys];
    if (this.#onDisk) writeAnchor(this.#path, this.#onDisk, this.#keys, { durable: true });
  }

  endRekey(succeeded: boolean): void {
    if (this.#keys.length < 2) return;
    const [next, previous] = this.#keys as [Buffer, Buffer];
    const [kept, dropped] = succeeded ? [next, previous] : [previous, next];
    this.#keys = [kept];
    wipeKey(dropped);
    if (this.#onDisk) this.#tryWrite(this.#onDisk, { evenIfNotTracking: true });
  }

  /** Stop listening and wipe the MAC keys (the session is locking). */
  close(): void {
    setAuditAppendListener(this.#db, null);
    for (const key of this.#keys) wipeKey(key);
    this.#keys = [];
  }

  #announce(head: AnchorHead): void {
    if (!this.#tracking) return;
    this.#announced.push(head);
    // Throws on failure, inside the append's transaction: nothing gets committed the anchor did not hear of.
    this.#write({ head: this.#committed, pending: head }, true);
  }

  #write(record: AnchorRecord, durable: boolean): void {
    writeAnchor(this.#path, record, this.#keys, { durable });
    this.#onDisk = record;
  }

  /** After a COMMIT the work is done: a failed anchor update must not make it look failed. The pending record stays valid. */
  #tryWrite(record: AnchorRecord, options: { evenIfNotTracking: boolean }): void {
    if (!this.#tracking && !options.evenIfNotTracking) return;
    try {
      this.#write(record, false);
    } catch {
      // The next commit tries again; until then the file still names this head as pending.
    }
  }
}

function isAnchorFinding(result: Extract<AnchoredAuditVerification, { ok: false }>): boolean {
  return result.reason === 'TRUNCATED' || result.reason === 'REWRITTEN' || result.reason === 'FORGED';
}
