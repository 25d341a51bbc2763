import type { Snapshot } from '../domain';
import { FIELD_ACCESS_ORDER, FIELD_MASK_ORDER } from '../domain';
import type { CompiledModuleFields } from './compiledPolicy';

/** Field rules grouped per module into role × field arrays (WukongCRM `wk_crm_role_field`, reference §6). */
export function indexFieldRules(snapshot: Snapshot, roleIndex: ReadonlyMap<string, number>): Map<string, CompiledModuleFields> {
  const roleCount = snapshot.roles.length;
  const names = new Map<string, string[]>();
  const add = (module: string, field: string) => {
    let list = names.get(module);
    if (!list) names.set(module, (list = []));
    if (!list.includes(field)) list.push(field);
  };
  for (const f of snapshot.fields) add(f.module, f.name);
  for (const rule of snapshot.fieldRules) add(rule.module, rule.field);

  const modules = new Map<string, CompiledModuleFields>();
  for (const [module, fields] of names) {
    const fieldIndex = new Map(fields.map((name, i) => [name, i] as const));
    const size = roleCount * fields.length;
    modules.set(module, {
      module,
      fields,
      fieldIndex,
      access: new Int8Array(size).fill(-1),
      mask: new Int8Array(size).fill(-1),
      globalMask: new Int8Array(fields.length),
      roleHasRow: new Uint8Array(roleCount),
    });
  }
  for (const rule of snapshot.fieldRules) {
    const role = roleIndex.get(rule.roleId);
    const compiled = modules.get(rule.module)!;
    const field = compiled.fieldIndex.get(rule.field)!;
    const access = FIELD_ACCESS_ORDER.indexOf(rule.access);
    const mask = FIELD_MASK_ORDER.indexOf(rule.mask);
    // `queryMaskFieldList` takes max(mask_type) over every row of the label (crm/mapper/xml/CrmRoleFieldMapper.xml),
    // and deleting a role leaves its rows behind (AdminRoleServiceImpl#delete, reference §4.2, §6): a row of a
    // role that no longer exists still masks the field for everyone. It grants access to nobody.
    if (mask > compiled.globalMask[field]!) (compiled.globalMask as Int8Array)[field] = mask;
    if (role === undefined) continue;
    (compiled.roleHasRow as Uint8Array)[role] = 1;
    const cell = role * compiled.fields.length + field;
    // A role has one row per field; if a snapshot repeats one, keep the most permissive access and
    // strictest mask, which is what the server's GROUP BY would make of the duplicates.
    if (access > compiled.access[cell]!) (compiled.access as Int8Array)[cell] = access;
    if (mask > compiled.mask[cell]!) (compiled.mask as Int8Array)[cell] = mask;
  }
  return modules;
}
