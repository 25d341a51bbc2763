/**
 * "No failure at any step may leave the server granting more than both the before and the after state": the
 * server's state at a moment of a push (read straight from the emulator's SQLite) compiled with the engine, and
 * for every person and permission the effective data scope compared with the larger of the two ends. Field
 * rules are checked per role and field (access never above, mask never below both ends).
 */
import type { Snapshot } from '../../../src-main/common/domain';
import { compilePolicy, effectiveScope } from '../../../src-main/common/policy';
import type { RunningEmulator } from '../../wukong-emulator';
import { serverView } from './emulatorView';

/** The emulator's state now as a Snapshot (catalogue and fields from `like`). */
export function serverSnapshot(emu: RunningEmulator, like: Snapshot): Snapshot {
  const view = serverView(emu);
  const known = new Map(like.roles.map((r) => [r.id, r]));
  return {
    ...like,
    departments: view.departments.map((d) => ({ ...d, sort: 0 })),
    users: view.users.map((u) => ({ ...u, status: u.status as Snapshot['users'][number]['status'], title: '' })),
    roles: view.roles.map((r) => ({ enabled: true, remark: null, label: null, ...known.get(r.id), ...r, dataScope: r.dataScope as Snapshot['roles'][number]['dataScope'] })),
    fieldRules: view.fieldRules.map((f) => f as Snapshot['fieldRules'][number]),
  };
}

const ACCESS_RANK = { hidden: 0, read: 1, edit: 2 } as const;
const MASK_RANK = { none: 0, list: 1, listDetail: 2 } as const;

/** Every (person, permission) scope and (role, field) rule wider than both ends; empty when bounded. */
export function widerThanBoth(mid: Snapshot, before: Snapshot, after: Snapshot): string[] {
  const [m, b, a] = [mid, before, after].map((s) => compilePolicy(s));
  const out: string[] = [];
  const inAfter = new Set(after.users.map((u) => u.id));
  for (const user of mid.users) {
    for (const p of mid.permissions) {
      const now = effectiveScope(m!, user.id, p.id);
      const bound = Math.max(effectiveScope(b!, user.id, p.id), inAfter.has(user.id) ? effectiveScope(a!, user.id, p.id) : 0);
      if (now > bound) out.push(`${user.name} ${p.key}: ${now} > ${bound}`);
    }
  }
  const rule = (s: Snapshot) => new Map(s.fieldRules.map((f) => [`${f.roleId}\u0000${f.module}\u0000${f.field}`, f]));
  const [rb, ra] = [rule(before), rule(after)];
  for (const f of mid.fieldRules) {
    const key = `${f.roleId}\u0000${f.module}\u0000${f.field}`;
    const ends = [rb.get(key), ra.get(key)].filter((x) => x !== undefined);
    // A row no end has: the server's default rows of a role the push creates (queryRoleField initialises them, §6).
    if (ends.length === 0) continue;
    if (ACCESS_RANK[f.access] > Math.max(...ends.map((e) => ACCESS_RANK[e.access]))) out.push(`field ${key}: access ${f.access}`);
    if (MASK_RANK[f.mask] < Math.min(...ends.map((e) => MASK_RANK[e.mask]))) out.push(`field ${key}: mask ${f.mask}`);
  }
  return out;
}
