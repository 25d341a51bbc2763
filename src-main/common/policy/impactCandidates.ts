import type { CompiledModuleFields, CompiledPolicy } from './compiledPolicy';

/**
 * Role ids whose effect may differ between two snapshots: added or removed, a different scope,
 * super-admin or reports-as-everyone marker (PHP `types`) or set of grants, or different field rows.
 */
export function changedRoles(before: CompiledPolicy, after: CompiledPolicy): Set<string> {
  const changed = new Set<string>();
  for (const id of before.roleIds) if (!after.roleIndex.has(id)) changed.add(id);
  for (let a = 0; a < after.roleCount; a++) {
    const id = after.roleIds[a]!;
    const b = before.roleIndex.get(id);
    if (b === undefined) { changed.add(id); continue; }
    const rb = before.snapshot.roles[b]!;
    const ra = after.snapshot.roles[a]!;
    if (rb === ra) continue; // drafts share untouched roles
    if (rb.dataScope !== ra.dataScope || before.roleSuper[b] !== after.roleSuper[a]
      || before.roleReportsEveryone[b] !== after.roleReportsEveryone[a] || !sameGrants(before, b, after, a)) {
      changed.add(id);
    }
  }
  if (before.snapshot.fieldRules !== after.snapshot.fieldRules) {
    for (const [module, ma] of after.modules) {
      const mb = before.modules.get(module);
      for (let a = 0; a < after.roleCount; a++) {
        const id = after.roleIds[a]!;
        if (changed.has(id)) continue;
        const b = before.roleIndex.get(id)!;
        if (!mb || !sameFieldRow(mb, b, ma, a)) changed.add(id);
      }
    }
    for (const [module, mb] of before.modules) {
      if (after.modules.has(module)) continue;
      for (let b = 0; b < before.roleCount; b++) if (hasAnyRow(mb, b)) changed.add(before.roleIds[b]!);
    }
  }
  return changed;
}

/** Modules where some role's field rows differ, or fields came or went. */
export function rulesChangedModules(before: CompiledPolicy, after: CompiledPolicy): Set<string> {
  const out = new Set<string>();
  if (before.snapshot.fieldRules === after.snapshot.fieldRules && before.snapshot.fields === after.snapshot.fields) return out;
  for (const [module, ma] of after.modules) {
    const mb = before.modules.get(module);
    if (!mb || mb.fields.length !== ma.fields.length || ma.fields.some((f, i) => mb.fields[i] !== f)) { out.add(module); continue; }
    for (let a = 0; a < after.roleCount; a++) {
      const b = before.roleIndex.get(after.roleIds[a]!);
      if (b === undefined ? hasAnyRow(ma, a) : !sameFieldRow(mb, b, ma, a)) { out.add(module); break; }
    }
  }
  for (const module of before.modules.keys()) if (!after.modules.has(module)) out.add(module);
  return out;
}

/** Modules where a field's server-wide mask changed: that mask applies to every user (reference §6). */
export function changedMaskModules(before: CompiledPolicy, after: CompiledPolicy): Set<string> {
  const out = new Set<string>();
  if (before.snapshot.fieldRules === after.snapshot.fieldRules) return out;
  for (const [module, ma] of after.modules) {
    const mb = before.modules.get(module);
    ma.fields.forEach((field, f) => {
      const fb = mb?.fieldIndex.get(field);
      const maskB = mb && fb !== undefined ? mb.globalMask[fb]! : 0;
      if (maskB !== ma.globalMask[f]) out.add(module);
    });
  }
  return out;
}

function sameGrants(before: CompiledPolicy, b: number, after: CompiledPolicy, a: number): boolean {
  const fromB = before.rolePermStart[b]!, toB = before.rolePermStart[b + 1]!;
  const fromA = after.rolePermStart[a]!, toA = after.rolePermStart[a + 1]!;
  if (toB - fromB !== toA - fromA) return false;
  const ids = new Set<string>();
  for (let i = fromB; i < toB; i++) ids.add(before.permIds[before.rolePerms[i]!]!);
  for (let i = fromA; i < toA; i++) if (!ids.has(after.permIds[after.rolePerms[i]!]!)) return false;
  return true;
}

function sameFieldRow(mb: CompiledModuleFields, b: number, ma: CompiledModuleFields, a: number): boolean {
  for (let f = 0; f < ma.fields.length; f++) {
    const fb = mb.fieldIndex.get(ma.fields[f]!);
    const accB = fb === undefined ? -1 : mb.access[b * mb.fields.length + fb]!;
    const maskB = fb === undefined ? -1 : mb.mask[b * mb.fields.length + fb]!;
    if (accB !== ma.access[a * ma.fields.length + f] || maskB !== ma.mask[a * ma.fields.length + f]) return false;
  }
  return true;
}

function hasAnyRow(m: CompiledModuleFields, r: number): boolean {
  for (let f = 0; f < m.fields.length; f++) if (m.access[r * m.fields.length + f]! >= 0) return true;
  return false;
}
