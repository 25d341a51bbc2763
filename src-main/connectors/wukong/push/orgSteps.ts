import { ConnectorError } from '../../connectorError';
import { wukongEndpoints } from '../api';
import type { StepOf } from '../plan/steps';
import type { WukongDept } from '../schemas';
import { readUser, roleIdsOf, usersInDepartment } from './serverReads';
import type { StepContext, StepExecutor } from './stepContext';

/** The department the server created for this step: same parent and name, not there when planned, not claimed. */
async function findCreatedDept(step: StepOf<'createDepartment'>, ctx: StepContext): Promise<WukongDept | undefined> {
  const depts = await ctx.session.call(wukongEndpoints.deptList(), ctx.signal);
  const parent = ctx.ids.server(step.parent);
  const claimed = ctx.ids.claimed();
  const candidates = depts.filter((d) => d.pid === parent && d.name === step.name && !step.existing.includes(d.deptId) && !claimed.has(d.deptId));
  if (candidates.length > 1) {
    throw new ConnectorError('ID_NOT_FOUND', `${candidates.length} new departments named "${step.name}" appeared under ${parent}; cannot tell which one this push created`, {
      endpoint: 'POST /adminDept/queryDeptTree',
    });
  }
  return candidates[0];
}

export const createDepartment: StepExecutor<StepOf<'createDepartment'>> = {
  async probe(step, ctx) {
    const dept = await findCreatedDept(step, ctx);
    return dept ? { serverId: String(dept.deptId) } : null;
  },
  async send(step, ctx) {
    const head = step.head === null ? null : ctx.ids.server(step.head);
    await ctx.session.call(wukongEndpoints.addDept({ pid: ctx.ids.server(step.parent), name: step.name, ...(head === null ? {} : { ownerUserId: head }) }), ctx.signal);
    // addDept returns no id (§2, §9): find the new department by re-reading the tree.
    const dept = await findCreatedDept(step, ctx);
    if (!dept) throw new ConnectorError('ID_NOT_FOUND', `department "${step.name}" was created but is not in the department list`, { endpoint: 'POST /adminDept/addDept' });
    return { serverId: String(dept.deptId) };
  },
};

async function departmentIds(ctx: StepContext): Promise<Set<number>> {
  return new Set((await ctx.session.call(wukongEndpoints.deptList(), ctx.signal)).map((d) => d.deptId));
}

async function readDept(ctx: StepContext, deptId: number): Promise<WukongDept | undefined> {
  return (await ctx.session.call(wukongEndpoints.deptList(), ctx.signal)).find((d) => d.deptId === deptId);
}

export const updateDepartment: StepExecutor<StepOf<'updateDepartment'>> = {
  async probe() {
    return null; // setDept writes absolute values: sending it again is harmless
  },
  async send(step, ctx) {
    // setDept writes name, pid and owner together (a missing owner clears it, §2): re-read and change only
    // what the draft changes.
    const deptId = ctx.ids.server(step.department);
    const current = await readDept(ctx, deptId);
    if (!current) throw new ConnectorError('WRITE_NOT_APPLIED', `department ${deptId} no longer exists on the server`, { endpoint: 'POST /adminDept/queryDeptTree' });
    const heldOwner = current.ownerUserId ?? null;
    const asServer = (id: string | null) => (id === null ? null : ctx.ids.server(id));
    // A field someone else changed since the plan keeps their value (compared with what the plan was made on).
    const elsewhere: string[] = [];
    const pick = <T>(wanted: T | undefined, held: T, planned: T | undefined, what: string): T => {
      if (wanted === undefined || wanted === held) return held;
      if (planned !== undefined && planned !== held) {
        elsewhere.push(what);
        return held;
      }
      return wanted;
    };
    const pid = pick(step.parent === undefined ? undefined : ctx.ids.server(step.parent), current.pid, step.from ? (asServer(step.from.parent) ?? 0) : undefined, 'parent');
    const name = pick(step.name, current.name, step.from?.name, 'name');
    const owner = pick(step.head === undefined ? undefined : asServer(step.head), heldOwner, step.from ? asServer(step.from.head) : undefined, 'head');
    const noted = elsewhere.length > 0 ? { changedElsewhere: elsewhere } : {};
    if (pid === current.pid && name === current.name && owner === heldOwner) return { alreadyDone: true, ...noted };
    await ctx.session.call(wukongEndpoints.setDept({ deptId, pid, name, ownerUserId: owner }), ctx.signal);
    return noted;
  },
};

export const deleteDepartment: StepExecutor<StepOf<'deleteDepartment'>> = {
  async probe(step, ctx) {
    return (await readDept(ctx, ctx.ids.server(step.department))) ? null : { alreadyDone: true };
  },
  async send(step, ctx) {
    await ctx.session.call(wukongEndpoints.deleteDept(ctx.ids.server(step.department)), ctx.signal);
    return {};
  },
};

export const moveUsers: StepExecutor<StepOf<'moveUsers'>> = {
  async probe(step, ctx) {
    const target = ctx.ids.server(step.department);
    // queryUserList with a deptId that no longer exists answers 500 (AdminUserServiceImpl#queryUserList reads the
    // department's owner): look at the department list first.
    if (!(await departmentIds(ctx)).has(target)) return null;
    const there = await usersInDepartment(ctx, target);
    return step.userIds.every((u) => there.has(Number(u))) ? { alreadyDone: true } : null;
  },
  async send(step, ctx) {
    // Re-read before writing: setUserDept overwrites, so someone another admin moved elsewhere since the plan
    // (or since a crash) is left where they put them; those already in the department are not sent again.
    const target = ctx.ids.server(step.department);
    const existing = await departmentIds(ctx);
    if (!existing.has(target)) {
      throw new ConnectorError('WRITE_NOT_APPLIED', `department ${target} no longer exists on the server: nobody can be moved into it`, { endpoint: 'POST /adminDept/queryDeptTree' });
    }
    const there = await usersInDepartment(ctx, target);
    const pending = step.userIds.filter((u) => !there.has(Number(u)));
    const stillWhere: Map<string, Set<number>> = new Map();
    const elsewhere: string[] = [];
    const toMove: number[] = [];
    for (const u of pending) {
      const from = step.from?.[u];
      if (from === undefined || from === null) {
        toMove.push(Number(u));
        continue;
      }
      const fromId = ctx.ids.server(from);
      // A department deleted since the plan held nobody when it went (1111): its people were moved by someone.
      let members = stillWhere.get(from);
      if (!members) stillWhere.set(from, (members = existing.has(fromId) ? await usersInDepartment(ctx, fromId) : new Set()));
      if (members.has(Number(u))) toMove.push(Number(u));
      else elsewhere.push(u);
    }
    const noted = elsewhere.length > 0 ? { changedElsewhere: elsewhere } : {};
    // setUserDept with an empty list is a no-op on the server; it is simply not sent.
    if (toMove.length === 0) return { alreadyDone: true, ...noted };
    await ctx.session.call(wukongEndpoints.setUserDept(target, toMove), ctx.signal);
    return noted;
  },
};

export const setManager: StepExecutor<StepOf<'setManager'>> = {
  async probe() {
    return null; // recomputed from a re-read each time
  },
  async send(step, ctx) {
    // setUser copies every non-null field, turns a missing parentId into 0 and replaces the roles with the
    // roleId CSV (§3): re-read the user and send back what the server holds, with the new manager only.
    const userId = Number(step.userId);
    const user = await readUser(ctx, userId, step.login);
    const parentId = step.manager === null ? 0 : ctx.ids.server(step.manager);
    if ((user.parentId ?? 0) === parentId) return { alreadyDone: true };
    // Another admin gave them a different manager since the plan: theirs stays.
    if (step.from !== undefined && (user.parentId ?? 0) !== (step.from === null ? 0 : ctx.ids.server(step.from))) return { alreadyDone: true, changedElsewhere: [step.userId] };
    const roles = roleIdsOf(user);
    await ctx.session.call(
      wukongEndpoints.setUser({ userId, realname: user.realname ?? null, deptId: user.deptId ?? null, post: user.post ?? null, parentId, roleId: roles.join(',') }),
      ctx.signal,
    );
    // setUser filters the roles by what the caller may assign (§4.3): a restricted account could strip some.
    const after = roleIdsOf(await readUser(ctx, userId, step.login));
    const lost = roles.filter((r) => !after.includes(r));
    if (lost.length > 0) {
      throw new ConnectorError('WRITE_NOT_APPLIED', `setUser changed user ${userId}'s manager but dropped roles ${lost.join(', ')} this account may not assign (§4.3)`, {
        endpoint: 'POST /adminUser/setUser',
      });
    }
    return {};
  },
};

export const setUserStatus: StepExecutor<StepOf<'setUserStatus'>> = {
  async probe() {
    return null; // absolute status: idempotent
  },
  async send(step, ctx) {
    await ctx.session.call(wukongEndpoints.setUserStatus(step.userIds.map(Number), step.status === 'active' ? 1 : 0), ctx.signal);
    return {};
  },
};
