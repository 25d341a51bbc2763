/** Role reads (`AdminRoleController` / `AdminRoleServiceImpl`, reference §4.2); the writes are in `roleWrites.ts`. */
import { assignableRoleIds } from '../db/queries';
import { ROLE_TYPE_NAME } from '../db/referenceData';
import { rolesOfType } from '../db/roleRows';
import { pathInt } from '../body';
import { fault } from '../envelope';
import type { Route } from '../route';

/** `AdminRoleTypeEnum` constants; any other value makes `getRoleByType` throw (NPE → 500). */
const ROLE_TYPE_ENUM = new Set([0, 1, 2, 3, 4, 5, 7, 8, 9, 10]);
/** Types whose `getRoleByType` is always empty. */
const NO_ROLE_TYPES = new Set([0, 3, 4, 5]);

export const roleRoutes: Route[] = [
  {
    // Hard-coded list; HRM (9) and JXC (10) are not offered here (§4.2).
    path: '/adminRole/getRoleTypeList',
    handle: () => [1, 7, 2, 8].map((roleType) => ({ name: ROLE_TYPE_NAME[roleType], roleType })),
  },
  {
    path: '/adminRole/getAllRoleList',
    handle: ({ db }) => [1, 2, 7, 8, 9, 10].map((roleType) => ({ pid: roleType, name: ROLE_TYPE_NAME[roleType], list: rolesOfType(db, roleType) })),
  },
  {
    // getAllRoleList for callers who may assign every role; otherwise only their assignable roles, with
    // the emptied groups dropped (§4.2, §4.3).
    path: '/adminRole/getRoleList',
    handle({ db, session }) {
      const allowed = assignableRoleIds(db, session.userId, session.roles);
      const groups = [1, 2, 7, 8, 9, 10].map((roleType) => ({ pid: roleType, name: ROLE_TYPE_NAME[roleType], list: rolesOfType(db, roleType) }));
      if (allowed === null) return groups;
      return groups.map((g) => ({ ...g, list: g.list.filter((r) => allowed.has(r.roleId)) })).filter((g) => g.list.length > 0);
    },
  },
  {
    path: '/adminRole/getRoleByType/{roleType}',
    handle({ db, params }) {
      const roleType = pathInt(params.roleType, 'type');
      // AdminRoleTypeEnum.parse answers null for a value without a constant; `switch (null)` is an NPE.
      if (!ROLE_TYPE_ENUM.has(roleType)) fault(`NullPointerException: AdminRoleTypeEnum.parse(${roleType}) is null (AdminRoleServiceImpl#getRoleByType)`);
      return NO_ROLE_TYPES.has(roleType) ? [] : rolesOfType(db, roleType);
    },
  },
];
