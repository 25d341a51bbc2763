import { z } from 'zod';

/**
 * Shapes of the `data` the connector reads (reference §2–§6). Only the fields it relies on are required; the
 * rest pass through. Ids are integers on WukongCRM; the domain turns them into strings.
 */
const id = z.number().int();

/** `AdminDeptVO` of the flat `queryDeptTree` list (§2). */
export const deptSchema = z.object({
  deptId: id,
  pid: id,
  name: z.string(),
  ownerUserId: id.nullish(),
});
export type WukongDept = z.infer<typeof deptSchema>;
export const deptListSchema = z.array(deptSchema);

/** `AdminUserVO` of `queryUserList` (§3): `roleId` is a comma-separated string. */
export const userSchema = z.object({
  userId: id,
  username: z.string().min(1),
  realname: z.string().nullish(),
  deptId: id.nullish(),
  status: z.number().int().min(0).max(2),
  post: z.string().nullish(),
  parentId: id.nullish(),
  roleId: z.string().nullish(),
});
export type WukongUser = z.infer<typeof userSchema>;

/** `BasePage` (§1.3). */
export const userPageSchema = z.object({
  list: z.array(userSchema),
  totalRow: z.number().int().nonnegative(),
  totalPage: z.number().int().nonnegative(),
  pageNumber: z.number().int(),
});
export type WukongUserPage = z.infer<typeof userPageSchema>;

/** `AdminRole` with `rules` (granted menu ids at levels 2–3 only, §4.2). */
export const roleSchema = z.object({
  roleId: id,
  roleName: z.string().min(1),
  roleType: z.number().int(),
  remark: z.string().nullish(),
  status: z.number().int().nullish(),
  dataType: z.number().int().min(1).max(5),
  label: z.number().int().nullish(),
  rules: z.object({ data: z.array(id).nullish(), bi: z.array(id).nullish() }),
});
export type WukongRole = z.infer<typeof roleSchema>;
export const roleListSchema = z.array(roleSchema);

/** `getAllRoleList`: `[{pid: roleType, name, list}]` (§4.2). */
export const roleGroupListSchema = z.array(z.object({ pid: z.number().int(), name: z.string().nullish(), list: z.array(roleSchema) }));

/** `AdminMenuVO` (§5.2), recursive through `childMenu`. */
export interface WukongMenu {
  menuId: number;
  parentId: number;
  menuName: string;
  realm: string;
  menuType: number | null;
  childMenu: WukongMenu[];
}
export const menuSchema: z.ZodType<WukongMenu> = z.lazy(() =>
  z.object({
    menuId: id,
    parentId: id,
    menuName: z.string(),
    realm: z.string().min(1),
    menuType: z.number().int().nullable(),
    childMenu: z.array(menuSchema).nullish().transform((c) => c ?? []),
  }),
) as unknown as z.ZodType<WukongMenu>;
export const menuTreeSchema = z.object({ data: menuSchema.nullish(), bi: menuSchema.nullish() });

/** `CrmRoleField` (§6): authLevel 1 hidden / 2 read / 3 edit; maskType 0 none / 1 list / 2 list + detail. */
export const roleFieldSchema = z.object({
  id: id,
  roleId: id,
  label: z.number().int(),
  fieldId: id.nullish(),
  fieldName: z.string().min(1),
  name: z.string(),
  authLevel: z.number().int().min(1).max(3),
  operateType: z.number().int().nullish(),
  maskType: z.number().int().min(0).max(2),
  fieldType: z.number().int().nullish(),
  type: z.number().int().nullish(),
});
export type WukongRoleField = z.infer<typeof roleFieldSchema>;
export const roleFieldListSchema = z.array(roleFieldSchema);

/** Writes answer `data: null`; nothing is read from it (§9: no ids are returned). */
export const writeResultSchema = z.unknown();
