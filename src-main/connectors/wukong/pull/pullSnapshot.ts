import { snapshotSchema, validateSnapshot, type FieldDefinition, type FieldRule, type Snapshot } from '../../../common/domain';
import { CRM_MODULE_BY_LABEL, WUKONG_ROLE_GROUP, WUKONG_SUPER_USER_ID, type WukongCatalogue } from '../../../common/wukong';
import type { PullProgress, PullResult } from '../../connector';
import { ConnectorError } from '../../connectorError';
import { wukongEndpoints } from '../api';
import { mapLimit, throwIfCancelled } from '../concurrency';
import type { WukongRoleField } from '../schemas';
import type { WukongSession } from '../session';
import { CATALOGUE_ROLE_TYPES, mapCatalogue } from './mapCatalogue';
import { mapDepartments, mapFieldRule, mapRole, mapUsers } from './mapOrganisation';
import { readAllUsers } from './readUsers';

export type PullStep = 'departments' | 'users' | 'roles' | 'catalogue' | 'fieldRules';

export interface PullOptions {
  /** The WukongCRM 11 catalogue shipped with the app (`loadBundledCatalogue`). */
  bundled: WukongCatalogue;
  signal?: AbortSignal;
  onProgress?: (progress: PullProgress & { step: PullStep }) => void;
  /**
   * Read field rules (default true). `queryRoleField` initialises and saves the default rows of a (role, module)
   * it has never served (§6): the first full pull writes those defaults on the server. They grant what no rows
   * grant (nothing is hidden), so nobody's access changes, but the server's tables do.
   */
  fieldRules?: boolean;
  /** Calls in flight at once (default 8). */
  concurrency?: number;
  now?: () => Date;
}


/**
 * Read the whole permission state of a WukongCRM 11 server into a Snapshot: departments, every user (paged),
 * roles of every listed type with their grants, the catalogue, field rules per CRM role and module. Every
 * answer is validated; any failure or cancellation throws and returns nothing half-read.
 */
export async function pullSnapshot(session: WukongSession, options: PullOptions): Promise<PullResult> {
  const { signal } = options;
  const concurrency = options.concurrency ?? 8;
  const progress = (step: PullStep, done: number, total: number) => options.onProgress?.({ step, done, total });
  const notes: string[] = [];

  progress('departments', 0, 1);
  throwIfCancelled(signal, 'the pull');
  const depts = await session.call(wukongEndpoints.deptList(), signal);
  progress('departments', 1, 1);

  const users = await readAllUsers(session, { signal, concurrency, onPage: (done, total) => progress('users', done, total) });

  progress('roles', 0, 1);
  throwIfCancelled(signal, 'the pull');
  const groups = await session.call(wukongEndpoints.allRoles(), signal);
  const roles = groups.flatMap((g) => g.list).map(mapRole);
  progress('roles', 1, 1);

  let catalogueDone = 0;
  progress('catalogue', 0, CATALOGUE_ROLE_TYPES.length);
  const trees = await mapLimit(CATALOGUE_ROLE_TYPES, concurrency, async (roleType) => {
    throwIfCancelled(signal, 'the pull');
    const tree = await session.call(wukongEndpoints.menuTree(roleType), signal);
    progress('catalogue', ++catalogueDone, CATALOGUE_ROLE_TYPES.length);
    return [tree.data, tree.bi];
  });
  const catalogue = mapCatalogue(trees.flat(), options.bundled);

  const crmRoles = roles.filter((r) => r.groupId === WUKONG_ROLE_GROUP.crm);
  const labels = Object.keys(CRM_MODULE_BY_LABEL).map(Number);
  const pairs = options.fieldRules === false ? [] : crmRoles.flatMap((r) => labels.map((label) => ({ roleId: Number(r.id), label })));
  let fieldsDone = 0;
  progress('fieldRules', 0, pairs.length);
  const rows = (
    await mapLimit(pairs, concurrency, async ({ roleId, label }) => {
      throwIfCancelled(signal, 'the pull');
      const answer = await session.call(wukongEndpoints.roleFields(roleId, label), signal);
      progress('fieldRules', ++fieldsDone, pairs.length);
      return answer;
    })
  ).flat();

  throwIfCancelled(signal, 'the pull');
  const root = depts.find((d) => d.pid === 0);
  const userIds = new Set(users.map((u) => String(u.userId)));
  const roleIds = new Set(roles.map((r) => r.id));
  const snapshot: Snapshot = {
    schemaVersion: 1,
    source: { kind: 'wukong', serverUrl: session.serverUrl, takenAt: (options.now?.() ?? new Date()).toISOString() },
    departments: mapDepartments(depts, userIds, notes),
    users: mapUsers(users, roleIds, root ? String(root.deptId) : '', notes),
    permissions: catalogue.permissions,
    roleGroups: catalogue.roleGroups,
    roles,
    fields: fieldDefinitions(options.bundled.fields, rows),
    fieldRules: rows.map(mapFieldRule).filter((r): r is FieldRule => r !== null),
    superUserIds: userIds.has(WUKONG_SUPER_USER_ID) ? [WUKONG_SUPER_USER_ID] : [],
  };
  return { snapshot: checked(snapshot), catalogueSource: catalogue.source, notes };
}

/** The bundled field list plus any field the server's rows name that it does not know (custom fields). */
function fieldDefinitions(bundled: readonly FieldDefinition[], rows: readonly WukongRoleField[]): FieldDefinition[] {
  const known = new Set(bundled.map((f) => `${f.module}.${f.name}`));
  const extra: FieldDefinition[] = [];
  for (const row of rows) {
    const module = CRM_MODULE_BY_LABEL[row.label];
    if (!module || known.has(`${module}.${row.fieldName}`)) continue;
    known.add(`${module}.${row.fieldName}`);
    // Form types 6 currency, 7 mobile, 14 email, 43 address can be masked (§6).
    const maskable = row.type !== null && row.type !== undefined && [6, 7, 14, 43].includes(row.type);
    extra.push({ module, name: row.fieldName, label: { 'zh-CN': row.name || row.fieldName, en: row.name || row.fieldName }, maskable });
  }
  return [...bundled, ...extra];
}

/** The snapshot must hold together before anyone may save it. */
function checked(snapshot: Snapshot): Snapshot {
  const parsed = snapshotSchema.safeParse(snapshot);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConnectorError('INCONSISTENT_STATE', `the pulled state does not fit the model at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const problems = validateSnapshot(parsed.data);
  if (problems.length > 0) {
    throw new ConnectorError('INCONSISTENT_STATE', `the pulled state contradicts itself: ${problems.slice(0, 3).map((p) => p.message).join('; ')}`);
  }
  return parsed.data;
}
