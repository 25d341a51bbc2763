import type { FieldAccess, FieldDefinition, FieldMask, FieldRule } from '../domain';
import { CRM_MODULE_BY_LABEL, CRM_SYSTEM_FIELDS_BY_LABEL } from '../wukong';
import type { SeededRandom } from './prng';

/** `module.field` of the system fields (owner, created at, …): view-only settable in WukongCRM (operateType 2/4). */
const SYSTEM_FIELDS: ReadonlySet<string> = new Set(
  Object.entries(CRM_SYSTEM_FIELDS_BY_LABEL).flatMap(([label, specs]) =>
    specs.map((spec) => `${CRM_MODULE_BY_LABEL[Number(label)]}.${spec.name}`),
  ),
);

export function isSystemField(field: Pick<FieldDefinition, 'module' | 'name'>): boolean {
  return SYSTEM_FIELDS.has(`${field.module}.${field.name}`);
}

/**
 * The rules WukongCRM writes when a role's field settings are first opened (`queryRoleField`, reference §6):
 * own fields editable, system fields read-only, nothing masked. The seed CRM roles keep exactly these.
 */
export function initialFieldRules(roleId: string, fields: readonly FieldDefinition[]): FieldRule[] {
  return fields.map((f) => ({ roleId, module: f.module, field: f.name, access: isSystemField(f) ? 'read' : 'edit', mask: 'none' }));
}

/**
 * Field rules an administrator has tuned: most fields editable, some read-only or hidden, maskable fields
 * (phones, e-mails, amounts) sometimes masked. Senior roles are hidden from less. One rule per role × field.
 */
export function tunedFieldRules(rng: SeededRandom, roleId: string, senior: boolean, fields: readonly FieldDefinition[]): FieldRule[] {
  const own: ReadonlyArray<readonly [FieldAccess, number]> = senior
    ? [['edit', 90], ['read', 8], ['hidden', 2]]
    : [['edit', 78], ['read', 14], ['hidden', 8]];
  return fields.map((f) => {
    const access: FieldAccess = isSystemField(f) ? (rng.chance(0.93) ? 'read' : 'hidden') : rng.weighted(own);
    const mask: FieldMask = f.maskable ? rng.weighted<FieldMask>([['none', 65], ['list', 25], ['listDetail', 10]]) : 'none';
    return { roleId, module: f.module, field: f.name, access, mask };
  });
}
