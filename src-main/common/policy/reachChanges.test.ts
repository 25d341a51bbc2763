import { describe, expect, it } from 'vitest';
import { apply } from '../draft';
import type { Snapshot } from '../domain';
import { createDemoSnapshot, DEMO_FACTS, generateOrganisation } from '../generator';
import { accessMatrix, compilePolicy, reachChanges, visibleOwnerIds, type CompiledPolicy } from './index';
import { loadBundledCatalogue } from '../../services/resources';

const catalogue = loadBundledCatalogue();

/** The slow, obvious answer: each user's visible owners before and after, compared as sets. */
function bruteForce(base: CompiledPolicy, after: CompiledPolicy, userIds: readonly string[], permissionIds: readonly string[]) {
  const out: { row: number; column: number; gained: number; lost: number }[] = [];
  userIds.forEach((userId, row) =>
    permissionIds.forEach((permissionId, column) => {
      const a = new Set(visibleOwnerIds(after, userId, permissionId));
      const b = new Set(base.userIndex.has(userId) ? visibleOwnerIds(base, userId, permissionId) : []);
      const gained = [...a].filter((id) => !b.has(id)).length;
      const lost = [...b].filter((id) => !a.has(id)).length;
      if (gained || lost) out.push({ row, column, gained, lost });
    }),
  );
  return out;
}

function scopedIds(snapshot: Snapshot): string[] {
  return snapshot.permissions.filter((p) => p.scoped).map((p) => p.id);
}

describe('access.reachDelta: whose records a draft adds or removes for each viewer', () => {
  it('matches a brute-force comparison of visible owners on the demo after moves of people, a manager and a department', () => {
    const demo = createDemoSnapshot(catalogue);
    const east = demo.users.find((u) => u.id === DEMO_FACTS.liLeiReportsInOtherDepartment[0])!.departmentId;
    const shanghai = demo.departments.find((d) => d.parentId === east)!;
    const sales2 = demo.departments.find((d) => d.parentId !== null && d.id !== east && !demo.users.some((u) => u.id === DEMO_FACTS.liLeiUserId && u.departmentId === d.id))!;
    const moved = apply(demo, [
      { type: 'moveUsers', userIds: [DEMO_FACTS.liLeiUserId], departmentId: east },
      { type: 'setManager', userId: DEMO_FACTS.liLeiReportsInOtherDepartment[1], managerId: DEMO_FACTS.inactiveUser },
      { type: 'moveDepartment', departmentId: shanghai.id, parentId: sales2.id },
    ]);
    const base = compilePolicy(demo);
    const after = compilePolicy(moved);
    const users = moved.users.map((u) => u.id);
    const permissions = scopedIds(moved);
    const expected = bruteForce(base, after, users, permissions);
    expect(expected.length).toBeGreaterThan(10);
    expect(reachChanges(base, after, users, permissions)).toEqual(expected);
  });

  it('stays exact on a generated 20k-person org and prints how long it takes', () => {
    const org = generateOrganisation(catalogue, { seed: 7, users: 20_000, departments: 400, customRoles: 40 });
    const someone = org.users.filter((u) => u.departmentId !== org.departments[5]!.id).slice(10, 60).map((u) => u.id);
    const branch = org.departments.find((d) => d.parentId !== null && org.departments.some((c) => c.parentId === d.id))!;
    const root = org.departments.find((d) => d.parentId === null)!;
    const moved = apply(org, [
      { type: 'moveUsers', userIds: someone, departmentId: org.departments[5]!.id },
      ...(branch.parentId === root.id ? [] : [{ type: 'moveDepartment' as const, departmentId: branch.id, parentId: root.id }]),
    ]);
    const base = compilePolicy(org);
    const after = compilePolicy(moved);
    const users = moved.users.map((u) => u.id);
    const permissions = scopedIds(moved);

    let started = performance.now();
    accessMatrix(after, users, permissions, { aggregates: false });
    const matrixMs = performance.now() - started;
    started = performance.now();
    const changes = reachChanges(base, after, users, permissions);
    const reachMs = performance.now() - started;
    console.log(`20k people × ${permissions.length} permissions: matrix ${matrixMs.toFixed(0)} ms, reach delta ${reachMs.toFixed(0)} ms, ${changes.length} changed cells`);

    // Exactness on a sample of rows (brute force over all 20k × 20k owners would take minutes).
    const sampleRows = [0, 1, 2, ...someone.map((id) => users.indexOf(id)).slice(0, 20), 5000, 12345, 19999];
    const sampleUsers = sampleRows.map((r) => users[r]!);
    const expected = bruteForce(base, after, sampleUsers, permissions).map((c) => ({ ...c, row: sampleRows[c.row]! }));
    const got = changes.filter((c) => sampleRows.includes(c.row)).sort((a, b) => sampleRows.indexOf(a.row) - sampleRows.indexOf(b.row) || a.column - b.column);
    expect(got).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  }, 180_000); // 20k people on a shared 2-core machine: generous, never a timed assertion
});
