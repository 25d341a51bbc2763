import { describe, expect, it } from 'vitest';
import { apply } from '../../common/draft';
import type { DraftBatch } from '../../common/draft';
import { sampleSnapshot } from '../../common/draft/testing/builders';
import type { Snapshot } from '../../common/domain';
import { canonicalSnapshot } from '../../common/policyFile';
import { readPolicyFile } from './readPolicyFile';
import { writeDraftFile, writeSnapshotFile } from './writePolicyFile';

/** Three gestures: a grant, a new role with members (uses `at`-free ids), and a scope change on it. */
function sampleDraft(): { batches: DraftBatch[]; states: Snapshot[] } {
  const batches: DraftBatch[] = [
    { id: 'g1', label: 'paint', ops: [{ type: 'grantPermissions', roleIds: ['r-sales'], permissionIds: ['13'] }] },
    {
      id: 'g2',
      ops: [
        { type: 'createRole', roleId: 'new-role:x', name: 'Auditors: "EU"', groupId: 'crm', dataScope: 3, permissionIds: ['12', '11'] },
        { type: 'assignRoles', userIds: ['dan', 'bob'], roleIds: ['new-role:x'] },
      ],
    },
    { id: 'g3', ops: [{ type: 'setDataScope', roleId: 'new-role:x', dataScope: 4 }] },
  ];
  const states = [sampleSnapshot()];
  for (const b of batches) states.push(apply(states.at(-1)!, b));
  return { batches, states };
}

describe('draft policy file', () => {
  it('round-trips: the imported gestures are the exported ones, in order', () => {
    const { batches, states } = sampleDraft();
    const text = writeDraftFile({ name: 'Q3 clean-up', baseVersion: 7 }, batches, states, 'en');
    const read = readPolicyFile(text);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.file.kind).toBe('draft');
    if (read.file.kind !== 'draft') return;
    expect(read.file.name).toBe('Q3 clean-up');
    expect(read.file.baseVersion).toBe(7);
    expect(read.file.gestures.map((g) => ({ id: g.id, ...(g.label ? { label: g.label } : {}), ops: g.operations }))).toEqual(batches);
  });

  it('is stable and readable: same bytes twice, sorted keys, names beside ids, one id per line', () => {
    const { batches, states } = sampleDraft();
    const once = writeDraftFile({ name: 'Q3', baseVersion: 1 }, batches, states, 'en');
    expect(writeDraftFile({ name: 'Q3', baseVersion: 1 }, batches, states, 'en')).toBe(once);
    const top = once.split('\n').filter((l) => /^[a-z]\w*:/i.test(l)).map((l) => l.split(':')[0]);
    expect(top).toEqual(['format', 'kind', 'baseVersion', 'gestures', 'name']);
    expect(once).toContain('- "13" # crm:customer:delete');
    expect(once).toMatch(/- bob # bob \(bob\)\n/);
    expect(once).toContain('roleId: new-role:x # Auditors: "EU"');
    // Each gesture is headed by what it does in plain words.
    expect(once).toContain('# 1. Grant 1 permission (crm:customer:delete) to "Sales"');
    expect(writeDraftFile({ name: 'Q3', baseVersion: 1 }, batches, states, 'zh-CN')).toContain('# 1. 为 「Sales」 授予权限 crm:customer:delete');
  });
});

describe('snapshot policy file', () => {
  it('round-trips to the canonical snapshot, and exporting that again gives the same bytes', () => {
    const snapshot = sampleSnapshot();
    const text = writeSnapshotFile(snapshot, 3, 'en');
    const read = readPolicyFile(text);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    if (read.file.kind !== 'snapshot') throw new Error('expected a snapshot file');
    expect(read.file.version).toBe(3);
    expect(read.file.snapshot).toEqual(canonicalSnapshot(snapshot));
    expect(writeSnapshotFile(read.file.snapshot, 3, 'en')).toBe(text);
  });

  it('sorts lists whatever order the snapshot had them in', () => {
    const snapshot = sampleSnapshot();
    const shuffled: Snapshot = { ...snapshot, users: [...snapshot.users].reverse(), roles: snapshot.roles.map((r) => ({ ...r, permissionIds: [...r.permissionIds].reverse() })) };
    expect(writeSnapshotFile(shuffled, 1, 'en')).toBe(writeSnapshotFile(snapshot, 1, 'en'));
  });
});

describe('a malformed file', () => {
  const good = () => writeDraftFile({ name: 'Q3', baseVersion: 1 }, sampleDraft().batches, sampleDraft().states, 'en');
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

  it('reports a YAML syntax error with its line', () => {
    const text = good().replace('- type: setDataScope', '- type: [setDataScope');
    const read = readPolicyFile(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems[0]!.line).toBeGreaterThanOrEqual(lineOf(good(), 'setDataScope'));
    expect(read.problems[0]!.message.en).toMatch(/YAML syntax/);
  });

  it('reports a wrong value with its line and field', () => {
    const text = good().replace('dataScope: 4', 'dataScope: 9');
    const read = readPolicyFile(text);
    if (read.ok) throw new Error('accepted a scope of 9');
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatchObject({ line: lineOf(text, 'dataScope: 9'), field: 'gestures[2].operations[0].dataScope' });
  });

  it('reports an unknown field (a typo) with its line, not silently dropped', () => {
    const text = good().replace('roleId: new-role:x # Auditors', 'roleIdd: new-role:x # Auditors');
    const read = readPolicyFile(text);
    if (read.ok) throw new Error('accepted a typo');
    const typo = read.problems.find((p) => p.field.endsWith('roleIdd'));
    expect(typo).toMatchObject({ line: lineOf(text, 'roleIdd:'), field: 'gestures[1].operations[0].roleIdd' });
  });

  it('reports a missing field at the object that lacks it, and duplicate gesture ids', () => {
    const noName = good().replace(/\n +name: 'Auditors[^\n]*/, '');
    const read = readPolicyFile(noName);
    if (read.ok) throw new Error('accepted a role without a name');
    expect(read.problems).toEqual([expect.objectContaining({ field: 'gestures[1].operations[0].name', line: lineOf(noName, 'type: createRole') })]);
    const twice = good().replace('id: g3', 'id: g1');
    const again = readPolicyFile(twice);
    if (again.ok) throw new Error('accepted a duplicate gesture id');
    expect(again.problems).toEqual([expect.objectContaining({ field: 'gestures[2].id', line: twice.lastIndexOf('id: g1') > 0 ? twice.slice(0, twice.lastIndexOf('id: g1')).split('\n').length : -1 })]);
  });

  it('reports an unknown field inside a snapshot (whose domain schemas would drop it) with its line', () => {
    const text = writeSnapshotFile(sampleSnapshot(), 1, 'en').replace(/(\n( +)name: Admin\n)/, '$1$2colour: red\n');
    const read = readPolicyFile(text);
    if (read.ok) throw new Error('accepted an unknown snapshot field');
    expect(read.problems).toEqual([expect.objectContaining({ field: 'snapshot.roles[0].colour', line: lineOf(text, 'colour: red') })]);
  });

  it('refuses a file that is not a policy file at all', () => {
    const read = readPolicyFile('hello: world\n');
    if (read.ok) throw new Error('accepted nonsense');
    expect(read.problems[0]!.line).toBe(1);
  });
});
