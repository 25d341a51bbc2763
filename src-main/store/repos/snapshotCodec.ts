import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { snapshotSchema, type Snapshot } from '../../common/domain';
import { StoreError } from '../errors';

/**
 * Why one compressed JSON blob per snapshot rather than a row per user/role/department:
 * a snapshot is immutable and always read whole (the engine compiles all of it into indexes), never queried
 * row by row. At 100k users the JSON is ~15 MB and gzip level 1 makes it ~1.8 MB, so SQLCipher encrypts and
 * writes eight times fewer pages; keeping older versions for rollback costs ~2 MB each instead of ~25 MB of
 * rows and indexes. Measured numbers are in docs/performance.md (Store). Level 1: higher levels cost more
 * time to save than they save in bytes.
 */
export const SNAPSHOT_ENCODING = 'json+gzip';

export interface EncodedSnapshot {
  body: Buffer;
  /** SHA-256 (hex) of the uncompressed JSON: checked on load, so a codec bug cannot hand back a different snapshot. */
  sha256: string;
}

export function encodeSnapshot(snapshot: Snapshot): EncodedSnapshot {
  const json = Buffer.from(JSON.stringify(snapshot), 'utf8');
  return { body: gzipSync(json, { level: 1 }), sha256: createHash('sha256').update(json).digest('hex') };
}

/**
 * Decode and validate. Validation is the domain `snapshotSchema` (zod), in full, on every load: at 100k users
 * it costs a few hundred ms, inside the 2 s open+load budget, and it is what guarantees the engine never sees
 * a malformed snapshot, whatever wrote the file. The digest check comes first because it is cheap.
 */
export function decodeSnapshot(body: Buffer, sha256: string): Snapshot {
  let json: Buffer;
  try {
    json = gunzipSync(body);
  } catch (error) {
    throw new StoreError('INVALID_DATA', 'a stored snapshot cannot be decompressed', {}, { cause: error });
  }
  if (createHash('sha256').update(json).digest('hex') !== sha256) {
    throw new StoreError('INVALID_DATA', 'a stored snapshot does not match its checksum');
  }
  const parsed = snapshotSchema.safeParse(JSON.parse(json.toString('utf8')));
  if (!parsed.success) {
    throw new StoreError('INVALID_DATA', `a stored snapshot does not have the snapshot shape: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
  }
  return parsed.data;
}
