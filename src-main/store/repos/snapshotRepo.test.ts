import { describe, expect, it } from 'vitest';
import { createDraft } from './draftRepo';
import { latestSnapshotVersion, listSnapshots, loadSnapshot, pruneSnapshots, saveSnapshot } from './snapshotRepo';
import { memoryDb } from '../testing/memoryDb';
import { tinySnapshot } from '../testing/tinySnapshot';

describe('snapshot repo', () => {
  it('versions snapshots; the newest is the base and older ones still load', () => {
    const db = memoryDb();
    expect(latestSnapshotVersion(db)).toBeNull();
    expect(() => loadSnapshot(db)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    const first = saveSnapshot(db, { snapshot: tinySnapshot('2026-01-01T00:00:00Z'), savedAt: 's1' });
    const second = saveSnapshot(db, { snapshot: tinySnapshot('2026-02-01T00:00:00Z'), savedAt: 's2' });
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(second).toMatchObject({ sourceKind: 'file', takenAt: '2026-02-01T00:00:00Z', counts: { users: 1, roles: 1, departments: 1, permissions: 1 } });
    expect(loadSnapshot(db).snapshot.source.takenAt).toBe('2026-02-01T00:00:00Z');
    expect(loadSnapshot(db, { version: 1 }).snapshot).toEqual(tinySnapshot('2026-01-01T00:00:00Z'));
    expect(listSnapshots(db).map((s) => s.version)).toEqual([2, 1]);
  });

  it('refuses to store something that is not a snapshot', () => {
    const db = memoryDb();
    const bad = { ...tinySnapshot(), users: [{ id: '' }] } as never;
    expect(() => saveSnapshot(db, { snapshot: bad, savedAt: 's' })).toThrow(expect.objectContaining({ code: 'INVALID_DATA' }));
    expect(listSnapshots(db)).toEqual([]);
  });

  it('a stored body that no longer matches its checksum is INVALID_DATA, not a different snapshot', () => {
    const db = memoryDb();
    saveSnapshot(db, { snapshot: tinySnapshot(), savedAt: 's' });
    db.prepare("UPDATE snapshots SET sha256 = 'x'").run();
    expect(() => loadSnapshot(db)).toThrow(expect.objectContaining({ code: 'INVALID_DATA' }));
  });

  it('prunes old versions but keeps the newest and any a draft is based on', () => {
    const db = memoryDb();
    for (let i = 0; i < 5; i++) saveSnapshot(db, { snapshot: tinySnapshot(), savedAt: `s${i}` });
    createDraft(db, { id: 'd', name: 'on v2', baseSnapshotVersion: 2, now: 't' });
    expect(pruneSnapshots(db, { keep: 2 })).toEqual([1, 3]);
    expect(listSnapshots(db).map((s) => s.version)).toEqual([5, 4, 2]);
  });

  it('keeps a snapshot\'s edition; one stored before editions existed loads without one (the Java edition)', () => {
    const db = memoryDb();
    saveSnapshot(db, { snapshot: tinySnapshot(), savedAt: 's1' });
    saveSnapshot(db, { snapshot: { ...tinySnapshot(), edition: 'wukong-php' }, savedAt: 's2' });
    expect(loadSnapshot(db, { version: 1 }).snapshot.edition).toBeUndefined();
    expect(loadSnapshot(db, { version: 2 }).snapshot.edition).toBe('wukong-php');
  });
});
