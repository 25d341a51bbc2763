import type { Snapshot } from '../../../src-main/common/domain';
import { sampler } from './measure';

/** One data-scope question: may `viewer` see records owned by `owner` through `menu`? */
export interface Decision {
  readonly viewer: string;
  readonly owner: string;
  readonly menu: string;
}

/**
 * A seeded sample of decisions that exercises every scope, built from the snapshot alone (not the engine).
 * Uniformly random owners would make nearly every answer "no" unless the scope is 5, so owners are drawn in
 * five equal kinds: the viewer themself; a colleague of the same department; a viewer 1..25 steps up the owner's
 * manager chain (past the 20-level limit); a viewer in a department 0..25 levels above the owner's; anyone.
 */
export function sampleDecisions(snapshot: Snapshot, menus: readonly string[], count: number, seed: number): Decision[] {
  const pick = sampler(seed);
  const users = snapshot.users;
  const byId = new Map(users.map((u) => [u.id, u]));
  const byDept = new Map<string, string[]>();
  for (const u of users) {
    const list = byDept.get(u.departmentId);
    if (list) list.push(u.id);
    else byDept.set(u.departmentId, [u.id]);
  }
  const parentOf = new Map(snapshot.departments.map((d) => [d.id, d.parentId]));
  const any = () => users[pick(users.length)]!;
  const out: Decision[] = [];
  for (let i = 0; i < count; i++) {
    const menu = menus[pick(menus.length)]!;
    const kind = i % 5;
    let viewer = any();
    let owner = viewer;
    if (kind === 1) {
      const mates = byDept.get(viewer.departmentId)!;
      owner = byId.get(mates[pick(mates.length)]!)!;
    } else if (kind === 2) {
      owner = any();
      viewer = owner;
      for (let steps = 1 + pick(25); steps > 0; steps--) {
        const up = viewer.managerId === null ? undefined : byId.get(viewer.managerId);
        if (!up) break;
        viewer = up;
      }
    } else if (kind === 3) {
      owner = any();
      let dept: string | null | undefined = owner.departmentId;
      for (let steps = pick(26); steps > 0; steps--) {
        const up = parentOf.get(dept!);
        if (up === null || up === undefined) break;
        dept = up;
      }
      const there = byDept.get(dept!);
      if (there) viewer = byId.get(there[pick(there.length)]!)!;
    } else if (kind === 4) {
      owner = any();
    }
    out.push({ viewer: viewer.id, owner: owner.id, menu });
  }
  return out;
}
