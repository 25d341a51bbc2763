import type { CrmEdition } from '../../../common/crm';
import { snapshotSchema, validateSnapshot, type FieldDefinition, type FieldRule, type Role, type Snapshot } from '../../../common/domain';
import type { PullProgress, PullResult } from '../../connector';
import { ConnectorError } from '../../connectorError';
import { phpEndpoints } from '../api';
import { mapLimit, throwIfCancelled } from '../concurrency';
import { FIELD_GRANT_COLUMNS } from '../fieldGrants';
import type { PhpRuleNode } from '../schemas';
import type { WukongPhpSession } from '../session';
import { mapCatalogue, SCOPED_CATEGORIES } from './mapCatalogue';
import { mapDepartments, mapFieldGrant, mapRole, mapUsers, PHP_SUPER_USER_ID } from './mapOrganisation';

/** The edition a pulled snapshot names (the same value as the connector's kind). */
const WUKONG_PHP_EDITION = 'wukong-php' satisfies CrmEdition;

export type PullStep = 'catalogue' | 'roles' | 'departments' | 'users' | 'fieldRules';

export interface PullOptions {
  signal?: AbortSignal;
  onProgress?: (progress: PullProgress & { step: PullStep }) => void;
  /**
   * Read field grants (default true). `fieldGrant/index` creates the eight grant rows of a role that has none
   * (FieldGrantLogic::index → createCrmFieldGrant: roles of pid 0/3/4 listed as CRM roles, or a role whose save
   * failed half-way), so a pull may write those defaults on the server. They are fully open, so nobody's access
   * changes, but the server's table does.
   */
  fieldRules?: boolean;
  /** Calls in flight at once (default 4; the server is often `php -S` or a small php-fpm pool). */
  concurrency?: number;
  now?: () => Date;
}

/**
 * Read the whole permission state of a WukongCRM 11.0 PHP server into a Snapshot: the catalogue (each category's
 * rule tree), roles, departments, every user, and the field grants of every CRM role. Every answer is validated;
 * any failure or cancellation throws and returns nothing half-read.
 */
export async function pullSnapshot(session: WukongPhpSession, options: PullOptions = {}): Promise<PullResult> {
  const { signal } = options;
  const concurrency = options.concurrency ?? 4;
  const progress = (step: PullStep, done: number, total: number) => options.onProgress?.({ step, done, total });
  const notes: string[] = [];

  throwIfCancelled(signal, 'the pull');
  const categories = await session.call(phpEndpoints.typeList(), signal);
  let treesDone = 0;
  progress('catalogue', 0, categories.length);
  const trees = new Map<number, PhpRuleNode[]>(
    await mapLimit(categories, concurrency, async (category) => {
      throwIfCancelled(signal, 'the pull');
      const tree = await session.call(phpEndpoints.ruleTree(category.pid), signal);
      progress('catalogue', ++treesDone, categories.length);
      return [category.pid, tree] as const;
    }),
  );
  const catalogue = mapCatalogue(categories, trees);
  const permissionIds = new Set(catalogue.permissions.map((p) => p.id));

  progress('roles', 0, 1);
  throwIfCancelled(signal, 'the pull');
  const listed = await session.call(phpEndpoints.groupTree(), signal);
  const known = new Set(categories.map((c) => c.pid));
  const roles: Role[] = [];
  const roleIds = new Set<string>();
  for (const category of listed) {
    if (!known.has(category.pid)) {
      notes.push(`role category ${category.pid} (${category.name}) is not in typeList; its ${category.list.length} roles are left out`);
      continue;
    }
    for (const group of category.list) {
      if (roleIds.has(String(group.id))) continue;
      roleIds.add(String(group.id));
      roles.push(mapRole(group, category.pid, permissionIds, notes));
    }
  }
  progress('roles', 1, 1);

  progress('departments', 0, 1);
  throwIfCancelled(signal, 'the pull');
  const structures = await session.call(phpEndpoints.structures(), signal);
  progress('departments', 1, 1);

  progress('users', 0, 1);
  throwIfCancelled(signal, 'the pull');
  const page = await session.call(phpEndpoints.users(), signal);
  if (page.list.length !== page.dataCount) {
    throw new ConnectorError('INCONSISTENT_STATE', `POST /admin/users/index listed ${page.list.length} users but counted ${page.dataCount}; pull again`, {
      endpoint: 'POST /admin/users/index',
    });
  }
  progress('users', 1, 1);

  const crmRoles = roles.filter((r) => SCOPED_CATEGORIES.has(Number(r.groupId)));
  const pairs = options.fieldRules === false ? [] : crmRoles.flatMap((r) => FIELD_GRANT_COLUMNS.map((column) => ({ roleId: r.id, column })));
  const fields = new Map<string, FieldDefinition>();
  let fieldsDone = 0;
  progress('fieldRules', 0, pairs.length);
  const grants = await mapLimit(pairs, concurrency, async ({ roleId, column }) => {
    throwIfCancelled(signal, 'the pull');
    const grant = await session.call(phpEndpoints.fieldGrant(Number(roleId), column), signal);
    progress('fieldRules', ++fieldsDone, pairs.length);
    return { roleId, column, grant };
  });
  const fieldRules: FieldRule[] = [];
  for (const { roleId, column, grant } of grants) {
    if (grant === null) {
      notes.push(`role ${roleId}: no field grant for ${column} (the role went away while reading)`);
      continue;
    }
    if (grant.content === null) {
      notes.push(`role ${roleId}: the field grant of ${column} cannot be read on the server (content is not a list); shown without rules`);
      continue;
    }
    fieldRules.push(...mapFieldGrant(roleId, column, grant.content, fields, notes));
  }

  throwIfCancelled(signal, 'the pull');
  const userIds = new Set(page.list.map((u) => String(u.id)));
  const departments = mapDepartments(structures, userIds, notes);
  const departmentIds = new Set(departments.map((d) => d.id));
  const root = departments.find((d) => d.parentId === null);
  const snapshot: Snapshot = {
    schemaVersion: 1,
    // The engine follows this edition's rules (policy/editionRules.ts): the last holding role's scope, user 1 and
    // role 1 as super admin, each user's roles in the server's order (users/index `groupids`, admin_access order).
    edition: WUKONG_PHP_EDITION,
    source: { kind: 'wukong', serverUrl: session.serverUrl, takenAt: (options.now?.() ?? new Date()).toISOString() },
    departments,
    users: mapUsers(page.list, roleIds, departmentIds, root?.id ?? '', notes),
    permissions: catalogue.permissions,
    roleGroups: catalogue.roleGroups,
    roles,
    fields: [...fields.values()],
    fieldRules,
    superUserIds: userIds.has(PHP_SUPER_USER_ID) ? [PHP_SUPER_USER_ID] : [],
  };
  return { snapshot: checked(snapshot, notes), catalogueSource: 'server', notes };
}

/**
 * The snapshot must fit the model. Problems the server itself can hold (validateSnapshot `serverCanHold`: cycles
 * its checks miss) are kept with a note; the rest (several top-level departments — `Structures::save` without a
 * pid makes one — while the model has exactly one) refuse the pull.
 */
function checked(snapshot: Snapshot, notes: string[]): Snapshot {
  const parsed = snapshotSchema.safeParse(snapshot);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConnectorError('INCONSISTENT_STATE', `the pulled state does not fit the model at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const problems = validateSnapshot(parsed.data);
  const fatal = problems.filter((p) => !p.serverCanHold);
  if (fatal.length > 0) {
    const roots = parsed.data.departments.filter((d) => d.parentId === null);
    const hint = roots.length > 1 ? ` (top-level departments: ${roots.map((d) => `${d.id} ${d.name}`).join(', ')}; Gatehouse needs exactly one)` : '';
    throw new ConnectorError('INCONSISTENT_STATE', `the pulled state contradicts itself: ${fatal.slice(0, 3).map((p) => p.message).join('; ')}${hint}`);
  }
  for (const p of problems) notes.push(`kept as the server holds it: ${p.message}`);
  return parsed.data;
}
