import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** One audit entry by position and hash: the chain up to `seq` is fixed by `hash` (each entry hashes the one before). */
export interface AnchorHead {
  seq: number;
  hash: string;
}

/**
 * What the anchor file records: the newest head Gatehouse committed and, while a commit that appends audit
 * entries is under way, the head it is about to commit. The pending head is written before COMMIT and
 * cleared after it, so a crash on either side of the COMMIT leaves a database whose head is one of the two.
 */
export interface AnchorRecord {
  head: AnchorHead;
  pending?: AnchorHead;
}

export type AnchorRead =
  | { status: 'ok'; record: AnchorRecord }
  | { status: 'missing' }
  /** Unreadable, or no MAC matches under this workspace's key: edited, copied from elsewhere, or forged. */
  | { status: 'invalid' };

const headSchema = z.object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) }).strict();
const fileSchema = z
  .object({ format: z.literal(1), head: headSchema, pending: headSchema.optional(), macs: z.array(z.string().regex(/^[0-9a-f]{64}$/)).min(1).max(2) })
  .strict();

/** Next to the database, named after it, so it moves aside with it (damage.ts `databaseFiles`). */
export function auditAnchorPath(databasePath: string): string {
  return `${databasePath}.anchor`;
}

function macOf(record: AnchorRecord, anchorKey: Buffer): string {
  const pending = record.pending ? `${record.pending.seq}:${record.pending.hash}` : '-';
  return createHmac('sha256', anchorKey).update(`gatehouse/audit-anchor/v1\n${record.head.seq}:${record.head.hash}\n${pending}`).digest('hex');
}

export function readAnchor(path: string, anchorKey: Buffer): AnchorRead {
  if (!existsSync(path)) return { status: 'missing' };
  let parsed: z.infer<typeof fileSchema>;
  try {
    parsed = fileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return { status: 'invalid' };
  }
  const record: AnchorRecord = { head: parsed.head, ...(parsed.pending ? { pending: parsed.pending } : {}) };
  const expected = Buffer.from(macOf(record, anchorKey), 'hex');
  const matches = parsed.macs.some((mac) => timingSafeEqual(Buffer.from(mac, 'hex'), expected));
  return matches ? { status: 'ok', record } : { status: 'invalid' };
}

/**
 * Replace the anchor atomically: temp file, rename. `durable` adds an fsync of the file before the rename and
 * of the folder after it — for the pending head, which must be on disk before the database commit it
 * announces (else a power cut could keep a commit the anchor never heard of, and report it as forged).
 * Recording a head as committed needs no fsync: if that write is lost, the pending record before it still
 * accepts the committed head. During a rekey the record carries one MAC per key (old and new), so it stays
 * valid whichever key the file ends up under.
 */
export function writeAnchor(path: string, record: AnchorRecord, anchorKeys: readonly Buffer[], options: { durable: boolean }): void {
  const body = JSON.stringify({ format: 1, head: record.head, ...(record.pending ? { pending: record.pending } : {}), macs: anchorKeys.map((k) => macOf(record, k)) });
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, body);
    if (options.durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  if (options.durable) syncFolder(dirname(path));
}

function syncFolder(folder: string): void {
  let fd: number;
  try {
    fd = openSync(folder, 'r');
  } catch {
    return; // folders cannot be opened for fsync on every platform (Windows); the rename is still atomic
  }
  try {
    fsyncSync(fd);
  } catch {
    // same: best effort where the platform refuses
  } finally {
    closeSync(fd);
  }
}
