import type { Id, LocalizedText, Role, User } from '../domain';
import type { DraftProblem, DraftProblemCode, ProblemRefs } from './problems';
import { problem } from './problems';
import type { WorkingSnapshot } from './workingSnapshot';

/** What a rule needs: the state before the operation and a way to report. Shared by the rule files. */
export class RuleContext {
  readonly problems: DraftProblem[] = [];

  constructor(
    readonly ws: WorkingSnapshot,
    readonly opIndex: number,
  ) {}

  report(code: DraftProblemCode, message: LocalizedText, refs: ProblemRefs): void {
    this.problems.push(problem(code, this.opIndex, message, refs));
  }

  /** The role, or reports UNKNOWN_ROLE (WukongCRM 1102 "data does not exist"). */
  role(roleId: Id): Role | undefined {
    const role = this.ws.roles.get(roleId);
    if (!role) this.report('UNKNOWN_ROLE', { 'zh-CN': `角色 ${roleId} 不存在`, en: `Role ${roleId} does not exist` }, { roleId });
    return role;
  }

  user(userId: Id): User | undefined {
    const user = this.ws.users.get(userId);
    if (!user) this.report('UNKNOWN_USER', { 'zh-CN': `员工 ${userId} 不存在`, en: `User ${userId} does not exist` }, { userId });
    return user;
  }

  department(departmentId: Id): boolean {
    if (this.ws.departments.has(departmentId)) return true;
    this.report(
      'UNKNOWN_DEPARTMENT',
      { 'zh-CN': `部门 ${departmentId} 不存在`, en: `Department ${departmentId} does not exist` },
      { departmentId },
    );
    return false;
  }

  /** The id is free for a new entity of this table. */
  freeId(table: 'roles' | 'departments', id: Id): boolean {
    if (!this.ws[table].has(id)) return true;
    const what = table === 'roles' ? { zh: '角色', en: 'role' } : { zh: '部门', en: 'department' };
    this.report('ID_TAKEN', { 'zh-CN': `${what.zh} ID ${id} 已被使用`, en: `The ${what.en} id ${id} is already in use` }, {
      [table === 'roles' ? 'roleId' : 'departmentId']: id,
    });
    return false;
  }
}

export const quoteZh = (name: string): string => `「${name}」`;
export const quoteEn = (name: string): string => `"${name}"`;

export function roleLabel(ws: WorkingSnapshot, roleId: Id): LocalizedText {
  const name = ws.roles.get(roleId)?.name;
  return name ? { 'zh-CN': quoteZh(name), en: quoteEn(name) } : { 'zh-CN': roleId, en: roleId };
}

export function userLabel(ws: WorkingSnapshot, userId: Id): string {
  return ws.users.get(userId)?.name ?? userId;
}

export function departmentLabel(ws: WorkingSnapshot, departmentId: Id): string {
  return ws.departments.get(departmentId)?.name ?? departmentId;
}
