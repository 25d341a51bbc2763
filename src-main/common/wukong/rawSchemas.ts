import { z } from 'zod';

/**
 * Schemas of the bundled WukongCRM 11 reference files (`resources/wukong/*.json`), extracted from the seed
 * SQL `DB/wk_crm_single.sql` (reference §5, §5.6, §6). They describe the files as they are, not the domain:
 * `buildWukongCatalogue` maps them.
 */

/** WukongCRM menuType: 1 directory, 2 menu, 3 button/action, 4 special; three JXC rows are NULL (reference §5.1). */
export const wukongMenuTypeSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable();

/** One `wk_admin_menu` row. */
export const wukongMenuRowSchema = z.object({
  menuId: z.number().int().positive(),
  /** 0 = a root. */
  parentId: z.number().int().nonnegative(),
  menuName: z.string().min(1).max(32),
  /** One segment of the permission key; joined with ':' along the parent chain. */
  realm: z.string().min(1).max(127),
  menuType: wukongMenuTypeSchema,
  realmUrl: z.string().nullish(),
  sort: z.number().int().default(0),
  status: z.number().int().default(1),
  remarks: z.string().nullish(),
});
export type WukongMenuRow = z.infer<typeof wukongMenuRowSchema>;

export const wukongMenuCatalogueFileSchema = z.array(wukongMenuRowSchema);

/** One seed `wk_admin_role` row with its `wk_admin_role_menu` ids. */
export const wukongRawRoleSchema = z.object({
  roleId: z.number().int().positive(),
  roleName: z.string().min(1).max(255),
  roleType: z.number().int().nonnegative(),
  remark: z.string().max(100).nullable(),
  /** 1 enabled, 0 disabled — shown, never enforced (reference §4.1). */
  status: z.number().int(),
  dataType: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  isHidden: z.number().int(),
  label: z.number().int().nullable(),
  menuIds: z.array(z.number().int().positive()),
  menuRealmPaths: z.array(z.string()).optional(),
});
export type WukongRawRole = z.infer<typeof wukongRawRoleSchema>;

export const wukongDefaultRolesFileSchema = z.object({
  source: z.unknown().optional(),
  roles: z.array(wukongRawRoleSchema),
  /** Seed `wk_admin_user_role` rows; they reference users that no seed creates (reference §5.6). */
  userRoles: z.array(z.object({ id: z.number().int(), userId: z.number().int(), roleId: z.number().int() })).default([]),
});
export type WukongDefaultRolesFile = z.infer<typeof wukongDefaultRolesFileSchema>;

/** One seed `wk_crm_field` row (reference §6). */
export const wukongRawFieldSchema = z.object({
  fieldId: z.number().int().positive(),
  fieldName: z.string().min(1).max(64),
  name: z.string().min(1).max(64),
  /** Form type: 6 currency, 7 mobile, 14 email, 43 address can be masked. */
  type: z.number().int(),
  /** CRM module (`CrmEnum` label). */
  label: z.number().int(),
  isHidden: z.number().int(),
  fieldType: z.number().int(),
});
export type WukongRawField = z.infer<typeof wukongRawFieldSchema>;

export const wukongCrmFieldsFileSchema = z.object({
  source: z.unknown().optional(),
  fields: z.array(wukongRawFieldSchema),
});

/** `catalogue-en.json`: directories keyed by realm path; actions by realm path or by Chinese name. */
export const wukongEnglishLabelsFileSchema = z.object({
  note: z.string().optional(),
  modules: z.record(z.string(), z.string().min(1)),
  actions: z.record(z.string(), z.string().min(1)),
});
export type WukongEnglishLabels = z.infer<typeof wukongEnglishLabelsFileSchema>;

/** File names as shipped, used in error messages so a broken file is easy to find. */
export const WUKONG_FILES = {
  menus: 'wukong-menu-catalogue.json',
  roles: 'wukong-default-roles.json',
  fields: 'wukong-crm-fields.json',
  english: 'catalogue-en.json',
} as const;
export type WukongFileKey = keyof typeof WUKONG_FILES;

/** Parse one raw file; a failure names the file and the path of the first bad field (`[12].menuId`). */
export function parseWukongFile<T>(file: WukongFileKey, schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue ? formatPath(issue.path) : '';
  const what = issue ? issue.message : 'invalid';
  throw new WukongCatalogueError(`${WUKONG_FILES[file]}: ${where || '(root)'}: ${what}`);
}

/** Thrown when a bundled or supplied reference file is inconsistent. */
export class WukongCatalogueError extends Error {
  readonly code = 'WUKONG_CATALOGUE_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'WukongCatalogueError';
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out;
}
