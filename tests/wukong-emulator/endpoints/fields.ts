/** Field permissions per role and CRM module (`CrmRoleFieldServiceImpl`, reference §6). */
import { z } from 'zod';
import { formInt, formParams, jsonBody } from '../body';
import { updateBatchById } from '../db/mybatisPlus';
import { initialiseRoleFields, readRoleFields } from '../db/roleFieldRows';
import { fault } from '../envelope';
import { jBean, jInt, jList, jString } from '../jackson';
import type { Route } from '../route';

const queryRoleFieldForm = z.object({ roleId: formInt, label: formInt });

/** `crm/entity/PO/CrmRoleField.java`; `type` (the form type) is `@TableField(exist = false)`. */
const crmRoleField = jBean({
  id: jInt,
  roleId: jInt,
  label: jInt,
  type: jInt,
  fieldId: jInt,
  fieldName: jString,
  name: jString,
  authLevel: jInt,
  operateType: jInt,
  maskType: jInt,
  fieldType: jInt,
});
type CrmRoleField = z.infer<typeof crmRoleField>;

const MASKABLE_FORM_TYPES = [6, 7, 14, 43];

/**
 * The mask rules of `CrmRoleFieldServiceImpl#saveRoleField` (crm/.../CrmRoleFieldServiceImpl.java:346),
 * applied to the *body's* `type`, `label` and `fieldName` — not to what the table holds. So a row sent
 * without `type` gets maskType 0, and a null maskType is written as 0 too unless the type is maskable.
 * `field.getLabel() == 4` unboxes: fieldName "price" with a null label is an NPE (→ 500, nothing saved).
 */
function maskOf(f: CrmRoleField): number | null {
  let mask = f.maskType;
  const maskableType = f.type !== null && MASKABLE_FORM_TYPES.includes(f.type);
  if (mask !== 0 && !maskableType && f.label !== 8) mask = 0;
  else if (f.label === 8 && f.fieldName !== 'unreceived_money' && f.fieldName !== 'real_received_money' && mask !== 0 && !maskableType) mask = 0;
  if (f.fieldName === 'money' && (f.label === 5 || f.label === 6)) return 0;
  if (f.fieldName === 'price') {
    if (f.label === null) fault('NullPointerException: field.getLabel() == 4 (CrmRoleFieldServiceImpl#saveRoleField)');
    if (f.label === 4) return 0;
  }
  return mask;
}

export const fieldRoutes: Route[] = [
  {
    // The first read of a (role, label) initialises and saves its rows.
    path: '/crmField/queryRoleField',
    handle({ db, body }) {
      const { roleId, label } = formParams(body, queryRoleFieldForm);
      return db.transaction(() => {
        const rows = readRoleFields(db, roleId, label);
        if (rows.length > 0) return rows;
        initialiseRoleFields(db, roleId, label);
        return readRoleFields(db, roleId, label);
      })();
    },
  },
  {
    // `#saveRoleField` (:346, not @Transactional): the mask rules for every row first (a null row is an
    // NPE → nothing saved), then `updateBatchById(fields)` (:360): `[]` → 500; each row is `updateById`,
    // writing every non-null column the body carries (role_id, label, field_name, name … as sent) by `id`.
    // A row without an id updates nothing; a row with no non-null column (e.g. only `{id}`) is MySQL 1064.
    // Without a transaction the rows before a failing batch stay saved (`mybatisPlus.ts#updateBatchById`).
    path: '/crmField/saveRoleField',
    handle({ db, body }) {
      const fields = jsonBody(body, jList(z.union([z.null(), crmRoleField]))) ?? [];
      const rows = fields.map((f) => {
        if (f === null) fault('NullPointerException: field.getMaskType() (CrmRoleFieldServiceImpl#saveRoleField)');
        const entity = {
          role_id: f.roleId,
          label: f.label,
          field_id: f.fieldId,
          field_name: f.fieldName,
          name: f.name,
          auth_level: f.authLevel,
          operate_type: f.operateType,
          mask_type: maskOf(f),
          field_type: f.fieldType,
        };
        return { id: f.id, entity };
      });
      updateBatchById(db, 'wk_crm_role_field', 'id', rows);
      return null;
    },
  },
];
