import type { DataScope, Role, RoleGroup } from '../../../src-main/common/domain';
import type { RoleMatrix } from '../../../src-main/common/ipc';
import { isProtectedRole, isSuperAdminRole } from '../../../src-main/common/wukong';
import { catalogueBelow, type CatalogueTree } from './catalogueTree';

/** One role column with everything its cells and header need, precomputed so cells are set lookups. */
export interface MatrixColumn {
  role: Role;
  /** The role as pulled; null for a role the draft creates. */
  baseRole: Role | null;
  group: RoleGroup;
  memberCount: number;
  granted: ReadonlySet<string>;
  baseGranted: ReadonlySet<string>;
  /** What roles of this type may be granted at all (PERMISSION_OUTSIDE_GROUP otherwise). */
  catalogue: ReadonlySet<string>;
  /** The CRM's own screens refuse edits to `admin` / `project` roles: the matrix shows them read-only. */
  locked: boolean;
  superAdmin: boolean;
  /** The scope glyph on granted data-scoped cells; null where the role type has no data scope. */
  scope: DataScope | null;
  baseScope: DataScope | null;
}

/** A run of adjacent columns of one role type, for the header band. */
export interface ColumnBand {
  group: RoleGroup;
  start: number;
  span: number;
}

export interface ColumnFilter {
  roleQuery: string;
  /** When comparing, only these roles, in this order of the matrix. */
  compareIds: ReadonlySet<string> | null;
}

export function buildAllColumns(matrix: RoleMatrix, tree: CatalogueTree): MatrixColumn[] {
  const baseById = new Map(matrix.baseRoles.map((r) => [r.id, r]));
  const catalogues = new Map(matrix.groups.map((g) => [g.id, catalogueBelow(tree, g.rootPermissionIds)]));
  const groupOrder = new Map(matrix.groups.map((g, i) => [g.id, i]));
  const roles = [...matrix.roles].sort((a, b) => (groupOrder.get(a.groupId) ?? 99) - (groupOrder.get(b.groupId) ?? 99));
  return roles.flatMap((role) => {
    const group = matrix.groups.find((g) => g.id === role.groupId);
    if (!group) return [];
    const baseRole = baseById.get(role.id) ?? null;
    return [
      {
        role,
        baseRole,
        group,
        memberCount: matrix.memberCounts[role.id] ?? 0,
        granted: new Set(role.permissionIds),
        baseGranted: new Set(baseRole?.permissionIds ?? []),
        catalogue: catalogues.get(group.id) ?? new Set<string>(),
        locked: isProtectedRole(role),
        superAdmin: isSuperAdminRole(role.id),
        scope: group.hasDataScope ? role.dataScope : null,
        baseScope: group.hasDataScope && baseRole ? baseRole.dataScope : null,
      },
    ];
  });
}

export function filterColumns(all: readonly MatrixColumn[], filter: ColumnFilter): MatrixColumn[] {
  const query = filter.roleQuery.trim().toLowerCase();
  return all.filter(
    (c) => (!filter.compareIds || filter.compareIds.has(c.role.id)) && (query === '' || c.role.name.toLowerCase().includes(query)),
  );
}

/** Adjacent columns of the same role type share one band (columns arrive grouped by type). */
export function columnBands(columns: readonly MatrixColumn[]): ColumnBand[] {
  const bands: ColumnBand[] = [];
  columns.forEach((column, index) => {
    const last = bands[bands.length - 1];
    if (last && last.group.id === column.group.id) last.span += 1;
    else bands.push({ group: column.group, start: index, span: 1 });
  });
  return bands;
}
