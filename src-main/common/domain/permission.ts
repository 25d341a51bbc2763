import { z } from 'zod';
import { idSchema, localizedTextSchema } from './ids';

/** group = a directory of the catalogue (WukongCRM menuType 1); action = what a role can be granted (menuType 3). */
export const permissionKindSchema = z.enum(['group', 'action']);
export type PermissionKind = z.infer<typeof permissionKindSchema>;

/** A node of the permission catalogue (WukongCRM `wk_admin_menu`). */
export const permissionSchema = z.object({
  id: idSchema,
  parentId: idSchema.nullable(),
  /** Realm path such as `crm:customer:index`. Not unique on WukongCRM (menus 167 and 935 share one). */
  key: z.string().min(1).max(255),
  kind: permissionKindSchema,
  label: localizedTextSchema,
  sort: z.number().int().default(0),
  /** True where the CRM filters records by the data scope for this action (WukongCRM `CrmAuthEnum`). */
  scoped: z.boolean().default(false),
});
export type Permission = z.infer<typeof permissionSchema>;
