import type { FieldDefinition, Permission, Role, RoleGroup } from '../domain';
import { buildFields } from './buildFields';
import { buildPermissions } from './buildPermissions';
import { WUKONG_ROLE_TYPES } from './constants';
import {
  WUKONG_FILES,
  WukongCatalogueError,
  parseWukongFile,
  wukongCrmFieldsFileSchema,
  wukongDefaultRolesFileSchema,
  wukongEnglishLabelsFileSchema,
  wukongMenuCatalogueFileSchema,
  type WukongRawRole,
} from './rawSchemas';

/** The WukongCRM 11 defaults mapped to the domain: what a fresh server ships before anyone edits it. */
export interface WukongCatalogue {
  permissions: Permission[];
  roleGroups: RoleGroup[];
  defaultRoles: Role[];
  fields: FieldDefinition[];
}

/** The four bundled files, as parsed JSON (not yet trusted). */
export interface WukongRawFiles {
  menus: unknown;
  roles: unknown;
  fields: unknown;
  english: unknown;
}

/**
 * Validate the raw reference files and map them to domain types. Pure: the caller reads the files.
 * Throws a `WukongCatalogueError` naming the file and the field at the first inconsistency.
 */
export function buildWukongCatalogue(raw: WukongRawFiles): WukongCatalogue {
  const menus = parseWukongFile('menus', wukongMenuCatalogueFileSchema, raw.menus);
  const rolesFile = parseWukongFile('roles', wukongDefaultRolesFileSchema, raw.roles);
  const fieldsFile = parseWukongFile('fields', wukongCrmFieldsFileSchema, raw.fields);
  const english = parseWukongFile('english', wukongEnglishLabelsFileSchema, raw.english);

  const permissions = buildPermissions(menus, english);
  const permissionIds = new Set(permissions.map((p) => p.id));
  const roleGroups = buildRoleGroups(permissionIds);
  const groupIds = new Set(roleGroups.map((g) => g.id));
  const defaultRoles = rolesFile.roles.map((role, index) => toDomainRole(role, index, permissionIds, groupIds));
  const fields = buildFields(fieldsFile.fields);
  return { permissions, roleGroups, defaultRoles, fields };
}

function buildRoleGroups(permissionIds: ReadonlySet<string>): RoleGroup[] {
  return WUKONG_ROLE_TYPES.map((type) => {
    const rootPermissionIds = type.rootMenuIds.map(String);
    for (const root of rootPermissionIds) {
      if (!permissionIds.has(root)) {
        throw new WukongCatalogueError(`${WUKONG_FILES.menus}: menuId: role type ${type.roleType} needs root menu ${root}, which is missing`);
      }
    }
    return { id: String(type.roleType), label: type.label, rootPermissionIds, hasDataScope: type.hasDataScope };
  });
}

function toDomainRole(
  role: WukongRawRole,
  index: number,
  permissionIds: ReadonlySet<string>,
  groupIds: ReadonlySet<string>,
): Role {
  const where = `${WUKONG_FILES.roles}: roles[${index}]`;
  if (!groupIds.has(String(role.roleType))) {
    throw new WukongCatalogueError(`${where}.roleType: role ${role.roleId} has role type ${role.roleType}, which has no role group`);
  }
  for (const menuId of role.menuIds) {
    if (!permissionIds.has(String(menuId))) {
      throw new WukongCatalogueError(`${where}.menuIds: role ${role.roleId} grants menu ${menuId}, which is not in ${WUKONG_FILES.menus}`);
    }
  }
  return {
    id: String(role.roleId),
    name: role.roleName,
    groupId: String(role.roleType),
    dataScope: role.dataType,
    permissionIds: role.menuIds.map(String),
    enabled: role.status === 1,
    remark: role.remark,
    label: role.label,
  };
}
