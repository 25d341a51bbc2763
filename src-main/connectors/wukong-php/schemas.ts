import { z } from 'zod';

/**
 * Shapes of the `data` the connector reads from WukongCRM 11.0 PHP (as seen on a real 11.0.3 server, OBSERVED.md).
 * Only the fields it relies on are required; zod drops the rest. PHP is loose about types: ids are numbers,
 * except where a PHP literal made them strings (`getTypeList` has `'pid' => '9'`), and form-encoded writes store
 * numbers as strings — so ids and flags accept both.
 */
export const intLike = z.union([z.number().int(), z.string().regex(/^-?\d+$/).transform(Number)]);
const id = intLike;

/** `/admin/groups/typeList`: the four role categories (application/admin/model/Group.php `getTypeList`). */
export const typeListSchema = z.array(z.object({ name: z.string(), pid: intLike }));
export type PhpRoleCategory = z.infer<typeof typeListSchema>[number];

/** A node of `/admin/rules/index {type:'tree'}` (application/admin/model/Rule.php): no `pid` key, leaves have no `children`. */
export interface PhpRuleNode {
  id: number;
  types: number;
  title: string;
  name: string;
  level: number;
  children: PhpRuleNode[];
}
export const ruleNodeSchema: z.ZodType<PhpRuleNode> = z.lazy(() =>
  z.object({
    id,
    types: intLike,
    title: z.string(),
    name: z.string().min(1),
    level: intLike,
    children: z.array(ruleNodeSchema).nullish().transform((c) => c ?? []),
  }),
) as unknown as z.ZodType<PhpRuleNode>;
export const ruleTreeSchema = z.array(ruleNodeSchema);

/**
 * A role (`5kcrm_admin_group`) as `/admin/groups/index {tree:1}` lists it. `rules` is the stored string
 * `",1,2,3,"` (leading and trailing comma, `""` for none; application/common.php `arrayToString`); `type` is the
 * data scope 1..5 but any integer is stored (Groups::update has no check); `types` marks system roles (1 super
 * admin … 8 公告管理员, 0 ordinary; 5kcrm.sql column comment).
 */
export const groupSchema = z.object({
  id,
  pid: intLike,
  title: z.string(),
  rules: z.string().nullish().transform((r) => r ?? ''),
  remark: z.string().nullish(),
  status: intLike.nullish(),
  type: intLike.nullish().transform((t) => t ?? 0),
  types: intLike.nullish().transform((t) => t ?? 0),
});
export type PhpGroup = z.infer<typeof groupSchema>;
/** `{tree:1}`: every category with its roles (application/admin/model/Group.php `getDataList`). */
export const groupTreeSchema = z.array(z.object({ name: z.string(), pid: intLike, list: z.array(groupSchema).nullish().transform((l) => l ?? []) }));

/** `/admin/structures/index` flat rows (application/admin/model/Structure.php `getDataList`, depth-first, with `level`). */
export const structureSchema = z.object({
  id,
  name: z.string(),
  pid: intLike.nullish().transform((p) => p ?? 0),
  owner_user_id: intLike.nullish().transform((o) => o ?? 0),
});
export type PhpStructure = z.infer<typeof structureSchema>;
export const structureListSchema = z.array(structureSchema);

/**
 * A user of `/admin/users/index` (application/admin/model/User.php `getDataList`): `structure_id` is `''` when 0
 * (`!empty($v['structure_id']) ? … : ''`), `groupids` the comma-separated ids of the roles that still exist.
 */
export const userSchema = z.object({
  id,
  username: z.string().min(1),
  realname: z.string().nullish(),
  structure_id: z.union([intLike, z.literal('')]).nullish().transform((s) => (s === '' || s === null || s === undefined ? 0 : s)),
  post: z.string().nullish(),
  status: intLike,
  parent_id: intLike.nullish().transform((p) => p ?? 0),
  groupids: z.string().nullish().transform((g) => g ?? ''),
});
export type PhpUser = z.infer<typeof userSchema>;
export const userPageSchema = z.object({ list: z.array(userSchema), dataCount: intLike });

/**
 * One entry of a field grant's content (application/admin/logic/FieldGrantLogic.php): read / write are 0/1,
 * `*_operation` whether the CRM's screen lets the checkbox change. Every key is kept as it came, so a write sends
 * the entries back unchanged apart from read / write.
 */
export const fieldGrantEntrySchema = z.looseObject({
  field: z.string().min(1),
  read: intLike,
  write: intLike,
  name: z.string().nullish(),
  is_diy: intLike.nullish(),
});
export type PhpFieldGrantEntry = z.infer<typeof fieldGrantEntrySchema>;

/**
 * `/admin/fieldGrant/index`: `{grant_id, content}`, or `[]` when the role does not exist (FieldGrantLogic::index
 * returns `[]` for no row). `content` is `null` when the stored text does not unserialize.
 */
export const fieldGrantSchema = z.union([
  z.object({ grant_id: id, content: z.array(fieldGrantEntrySchema).nullish().transform((c) => c ?? null) }),
  z.array(z.never()).transform(() => null),
]);
export type PhpFieldGrant = NonNullable<z.infer<typeof fieldGrantSchema>>;

/** Writes answer a message string or `1` (Groups::save), never an id (OBSERVED quirk 6); nothing is read from it. */
export const writeResultSchema = z.unknown();

/** The comma-separated ids of a `rules` or `groupids` string, as written, empty parts dropped (application/common.php `stringToArray`). */
export function splitIds(value: string): string[] {
  const out: string[] = [];
  for (const part of value.split(',')) {
    const s = part.trim();
    if (s !== '' && s !== '0' && !out.includes(s)) out.push(s);
  }
  return out;
}
