/** Field permissions per role and CRM module (`CrmRoleFieldServiceImpl`, reference §6). */
import { z } from 'zod';
import { formInt, formParams, jsonBody } from '../body';
import { effectiveMask, initialiseRoleFields, readRoleFields } from '../db/roleFieldRows';
import type { Route } from '../route';

const queryRoleFieldForm = z.object({ roleId: formInt, label: formInt });

/** The UI sends back the rows it read (with `id`), recomputed `authLevel` / `maskType`. */
const saveRoleFieldSchema = z.array(
  z.looseObject({
    id: z.number().int().nullish(),
    authLevel: z.number().int().min(1).max(3).nullish(),
    maskType: z.number().int().min(0).max(2).nullish(),
    operateType: z.number().int().min(1).max(4).nullish(),
  }),
);

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
    // `updateBatchById`: rows are matched by id; rows without an id (or an unknown id) are not inserted.
    // operateType is not enforced; maskType is forced to 0 where the field cannot be masked.
    path: '/crmField/saveRoleField',
    handle({ db, body }) {
      const rows = jsonBody(body, saveRoleFieldSchema);
      const current = db.prepare<[number], { label: number; field_name: string; type: number | null }>(
        'SELECT rf.label, rf.field_name, f.type FROM wk_crm_role_field rf LEFT JOIN wk_crm_field f ON f.field_id = rf.field_id WHERE rf.id = ?',
      );
      const update = db.prepare(
        'UPDATE wk_crm_role_field SET auth_level = coalesce(?, auth_level), mask_type = coalesce(?, mask_type), operate_type = coalesce(?, operate_type) WHERE id = ?',
      );
      db.transaction(() => {
        for (const row of rows) {
          if (!row.id) continue;
          const stored = current.get(row.id);
          if (!stored) continue;
          const mask = row.maskType === null || row.maskType === undefined ? null : effectiveMask(stored.label, stored.field_name, stored.type, row.maskType);
          update.run(row.authLevel ?? null, mask, row.operateType ?? null, row.id);
        }
      })();
      return null;
    },
  },
];
