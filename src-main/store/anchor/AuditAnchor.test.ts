import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDataKey } from '../keys/dataKey';
import { appendAudit } from '../repos/auditRepo';
import type { Db } from '../sqlcipher';
import { memoryDb } from '../testing/memoryDb';
import { readAnchor, writeAnchor } from './anchorFile';
import { deriveAnchorKey } from './anchorKey';
import { AuditAnchor } from './AuditAnchor';
import { readDbHead } from './anchorVerdict';

const append = (db: Db, n: number) => appendAudit(db, { at: `t${n}`, actor: 'a', action: 'x', details: { n } });

describe('AuditAnchor', () => {
  let dir: string;
  let path: string;
  let db: Db;
  const dataKey = generateDataKey();
  const key = deriveAnchorKey(dataKey);
  const onDisk = () => JSON.parse(readFileSync(path, 'utf8')) as { head: { seq: number }; pending?: { seq: number } };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-anchor-'));
    path = join(dir, 'w.gatehouse.anchor');
    db = memoryDb();
    for (let n = 1; n <= 3; n++) append(db, n);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a missing anchor at the current head', () => {
    const anchor = AuditAnchor.attach(db, path, dataKey);
    expect(anchor.created).toBe(true);
    expect(readAnchor(path, key)).toEqual({ status: 'ok', record: { head: readDbHead(db) } });
    anchor.close();
  });

  it('announces the new head before COMMIT and records it after', () => {
    const anchor = AuditAnchor.attach(db, path, dataKey);
    db.transaction(() => {
      append(db, 4);
      expect(onDisk()).toMatchObject({ head: { seq: 3 }, pending: { seq: 4 } });
    })();
    anchor.afterUse();
    expect(onDisk()).toEqual(expect.objectContaining({ head: expect.objectContaining({ seq: 4 }) }));
    expect(onDisk().pending).toBeUndefined();
    expect(anchor.verify()).toEqual({ ok: true, entries: 4 });
    anchor.close();
  });

  it('drops the announced head when the transaction rolls back', () => {
    const anchor = AuditAnchor.attach(db, path, dataKey);
    expect(() =>
      db.transaction(() => {
        append(db, 4);
        throw new Error('the change failed');
      })(),
    ).toThrow('the change failed');
    anchor.afterUse();
    expect(onDisk()).toEqual(expect.objectContaining({ head: expect.objectContaining({ seq: 3 }) }));
    expect(onDisk().pending).toBeUndefined();
    expect(anchor.verify()).toEqual({ ok: true, entries: 3 });
    anchor.close();
  });

  it('an anchor whose write fails aborts the append: nothing is committed the anchor did not hear of', () => {
    const anchor = AuditAnchor.attach(db, path, dataKey);
    rmSync(dir, { recursive: true, force: true }); // the folder is gone: the pending write fails
    expect(() => append(db, 4)).toThrow();
    expect(readDbHead(db).seq).toBe(3);
    anchor.close();
  });

  it('is left as found when the database does not match it, and later appends do not move it', () => {
    writeAnchor(path, { head: { seq: 9, hash: 'c'.repeat(64) } }, [key], { durable: false });
    const before = readFileSync(path, 'utf8');
    const anchor = AuditAnchor.attach(db, path, dataKey);
    expect(anchor.verify()).toMatchObject({ ok: false, reason: 'TRUNCATED', brokenAt: 4 });
    append(db, 4);
    anchor.afterUse();
    expect(readFileSync(path, 'utf8')).toBe(before);
    anchor.close();
  });

  it('stops listening when closed', () => {
    const anchor = AuditAnchor.attach(db, path, dataKey);
    anchor.close();
    append(db, 4);
    expect(onDisk().head.seq).toBe(3);
  });
});
