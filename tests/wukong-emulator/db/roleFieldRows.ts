/**
 * `wk_crm_role_field` rows: initialisation on first read (`CrmRoleFieldServiceImpl#queryRoleField`,
 * reference §6); the save and its mask rules are in `endpoints/fields.ts`.
 */
import { SYSTEM_FIELDS, initialOperateType } from './referenceData';
import type { Db } from './schema';

export interface RoleFieldRow {
  id: number;
  roleId: number;
  label: number;
  fieldId: number | null;
  fieldName: string;
  name: string;
  authLevel: number;
  operateType: number;
  maskType: number;
  fieldType: number | null;
  /** Form type from `wk_crm_field.type`; null for system fields. */
  type: number | null;
}

/**
 * First read of (role, label): every `wk_crm_field` of the label with authLevel 3 and a module-specific
 * operateType, then the label's system fields (authLevel 2 or 3, field_id NULL), all with maskType 0.
 */
export function initialiseRoleFields(db: Db, roleId: number, label: number): void {
  const insert = db.prepare(
    `INSERT INTO wk_crm_role_field (role_id, label, field_id, field_name, name, auth_level, operate_type, mask_type, field_type)
     VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)`,
  );
  const fields = db
    .prepare<[number], { field_id: number; field_name: string; name: string; field_type: number }>(
      'SELECT field_id, field_name, name, field_type FROM wk_crm_field WHERE label = ? ORDER BY field_id',
    )
    .all(label);
  for (const f of fields) insert.run(roleId, label, f.field_id, f.field_name, f.name, 3, initialOperateType(label, f.field_name), f.field_type);
  for (const s of SYSTEM_FIELDS[label] ?? []) insert.run(roleId, label, null, s.fieldName, s.name, s.authLevel, s.operateType, 1);
}

export function readRoleFields(db: Db, roleId: number, label: number): RoleFieldRow[] {
  return db
    .prepare<[number, number], RoleFieldRow>(
      `SELECT rf.id, rf.role_id AS roleId, rf.label, rf.field_id AS fieldId, rf.field_name AS fieldName, rf.name,
              rf.auth_level AS authLevel, rf.operate_type AS operateType, rf.mask_type AS maskType,
              rf.field_type AS fieldType, f.type AS type
         FROM wk_crm_role_field rf LEFT JOIN wk_crm_field f ON f.field_id = rf.field_id
        WHERE rf.role_id = ? AND rf.label = ? ORDER BY rf.id`,
    )
    .all(roleId, label);
}
