import { describe, expect, it } from 'vitest';
import { appendAudit } from '../repos/auditRepo';
import { memoryDb } from '../testing/memoryDb';
import { compareWithAnchor, readDbHead } from './anchorVerdict';

function logOf(n: number) {
  const db = memoryDb();
  const heads = [];
  for (let i = 1; i <= n; i++) {
    appendAudit(db, { at: `t${i}`, actor: 'a', action: 'x', details: { i } });
    heads.push(readDbHead(db));
  }
  return { db, heads };
}

describe('compareWithAnchor', () => {
  it('accepts the anchored head, or the pending one (a crash between COMMIT and the anchor update)', () => {
    const { db, heads } = logOf(5);
    expect(compareWithAnchor(db, 5, { head: heads[4]! })).toEqual({ ok: true, entries: 5 });
    expect(compareWithAnchor(db, 5, { head: heads[3]!, pending: heads[4]! })).toEqual({ ok: true, entries: 5 });
    expect(compareWithAnchor(db, 5, { head: heads[4]!, pending: { seq: 6, hash: 'f'.repeat(64) } })).toEqual({ ok: true, entries: 5 });
  });

  it('names fewer entries TRUNCATED, another entry at the anchored place REWRITTEN, more entries FORGED', () => {
    const { db, heads } = logOf(5);
    expect(compareWithAnchor(db, 5, { head: { seq: 7, hash: 'f'.repeat(64) } })).toMatchObject({ ok: false, reason: 'TRUNCATED', brokenAt: 6 });
    expect(compareWithAnchor(db, 5, { head: { seq: 4, hash: 'f'.repeat(64) } })).toMatchObject({ ok: false, reason: 'REWRITTEN', brokenAt: 4 });
    expect(compareWithAnchor(db, 5, { head: heads[2]! })).toMatchObject({ ok: false, reason: 'FORGED', brokenAt: 4 });
    // One step ahead is only accepted for the head that was announced, not for any longer log.
    expect(compareWithAnchor(db, 5, { head: heads[2]!, pending: heads[3]! })).toMatchObject({ ok: false, reason: 'FORGED', brokenAt: 5 });
  });
});
