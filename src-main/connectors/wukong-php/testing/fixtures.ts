import type { Snapshot } from '../../../common/domain';
import type { JournalRecord, PushJournalPort } from '../../pushJournal';
import { pullSnapshot } from '../pull/pullSnapshot';
import { WukongPhpSession } from '../session';

/**
 * Small hand-written answers in the shapes a real WukongCRM 11.0.3 PHP server gives (OBSERVED.md, trimmed): for the
 * connector's unit tests only. The integration tests run against an emulator instead.
 */
export const ok = (data: unknown) => ({ body: { code: 200, data, error: '' } });
export const failed = (error: string) => ({ body: { code: 400, data: '', error } });

const node = (id: number, types: number, name: string, title: string, level: number, children?: unknown[]) => ({
  id,
  types,
  title,
  name,
  level,
  status: 1,
  label: name,
  structure_id: id,
  check: false,
  ...(children ? { children } : {}),
});

export const TYPE_LIST = [
  { name: '系统管理角色', pid: 1 },
  { name: '办公管理角色', pid: 6 },
  { name: '客户管理角色', pid: 2 },
  { name: '项目管理角色', pid: '9' },
];

export const RULE_TREES: Record<number, unknown[]> = {
  1: [
    node(105, 0, 'admin', '全部', 1, [
      node(112, 0, 'users', '员工与部门管理', 2, [node(113, 0, 'index', '部门/员工查看', 3), node(114, 0, 'save', '员工新建', 3)]),
      node(120, 0, 'groups', '角色权限管理', 2, [node(121, 0, 'update', '角色权限设置', 3)]),
    ]),
  ],
  2: [
    node(1, 2, 'crm', '全部', 1, [
      node(2, 2, 'leads', '线索管理', 2, [node(3, 2, 'save', '新建', 3), node(5, 2, 'index', '查看列表', 3)]),
      node(10, 2, 'customer', '客户管理', 2, [
        node(11, 2, 'save', '新建', 3),
        node(12, 2, 'update', '编辑', 3),
        node(13, 2, 'index', '查看列表', 3),
        node(14, 2, 'read', '查看详情', 3),
        node(17, 2, 'delete', '删除', 3),
      ]),
    ]),
    node(62, 6, 'bi', '商业智能', 1, [node(63, 6, 'customer', '员工客户分析', 2, [node(64, 6, 'read', '查看', 3)])]),
  ],
  6: [node(131, 1, 'oa', '全部', 1, [node(134, 1, 'announcement', '公告', 2, [node(135, 1, 'save', '新建', 3)])])],
  9: [node(141, 9, 'work', '全部', 1, [node(142, 9, 'work', '项目管理', 2, [node(143, 9, 'save', '项目创建', 3)])])],
};

const group = (id: number, pid: number, title: string, rules: string, type: number, types = 0, status = 1) => ({ id, pid, title, rules, remark: '', status, type, types, system: 0 });

export const GROUP_TREE = [
  {
    name: '系统管理角色',
    pid: 1,
    list: [group(1, 1, '超级管理员角色', '', 1, 1), group(3, 1, '部门与员工管理员', ',112,113,114,105,', 1, 3)],
  },
  { name: '办公管理角色', pid: 6, list: [group(14, 6, '办公管理员', '', 1)] },
  {
    name: '客户管理角色',
    pid: 2,
    // 99999 is stored but no rule (groups/update keeps unknown ids, OBSERVED §3.4); role 15 was saved with leaves only.
    list: [group(10, 2, '销售经理角色', ',1,10,11,13,14,17,2,5,62,63,64,99999,', 2), group(15, 2, 'Leaf only', ',13,14,', 0)],
  },
  { name: '项目管理角色', pid: '9', list: [group(11, 1, '项目管理员', ',141,142,143,', 1, 7)] },
];

export const STRUCTURES = [
  { id: 1, name: '办公室', pid: 0, owner_user_id: 0, level: 1, label: '办公室', structure_id: 1, owner_user_name: null },
  { id: 2, name: '销售部', pid: 1, owner_user_id: 2, level: 2, label: '销售部', structure_id: 2, owner_user_name: 'Alice' },
];

const user = (id: number, username: string, realname: string, structure_id: number | '', status: number, parent_id: number, groupids: string) => ({
  id,
  username,
  realname,
  structure_id,
  post: '',
  status,
  parent_id,
  type: 1,
  groups: '',
  groupids,
  userIdentity: 2,
});

export const USERS = {
  list: [
    user(1, '18888888888', '管理员', 1, 1, 0, '1'),
    user(2, '13800000001', 'Alice', 2, 2, 1, '10'),
    // 12 is an old project role (pid 5) that no category lists.
    user(3, '13800000002', 'Bob', '', 1, 2, '10,15,12'),
  ],
  dataCount: 3,
};

const entry = (field: string, read: number, write: number, name: string, ops: [number, number] = [1, 1], isDiy = 0) => ({
  field,
  read,
  read_operation: ops[0],
  write,
  write_operation: ops[1],
  is_diy: isDiy,
  name,
});

export function fieldGrantOf(roleId: number, column: string): unknown {
  const base = [entry('name', 1, 1, column === 'customer' ? '客户名称' : '名称', [0, 1])];
  if (roleId === 10 && column === 'customer') {
    return {
      grant_id: 2,
      content: [...base, entry('mobile', 1, 0, '手机'), entry('owner_user_id', 1, 0, '负责人', [0, 0]), entry('crm_abc', 0, 0, '自定义', [1, 1], 1)],
    };
  }
  return { grant_id: roleId * 100 + column.length, content: base };
}

export interface Sent {
  path: string;
  authKey: string | null;
  sessionId: string | null;
  contentType: string | null;
  body: Record<string, unknown>;
}
export type Answer = { status?: number; body: unknown } | 'hang';

/** A fake server: `route` answers each request (by path and JSON body). Records what was sent. */
export function fakeServer(route: (path: string, body: Record<string, unknown>) => Answer) {
  const sent: Sent[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    const body = JSON.parse((init?.body as string | undefined) ?? '{}') as Record<string, unknown>;
    sent.push({ path: url.pathname, authKey: headers.get('authKey'), sessionId: headers.get('sessionId'), contentType: headers.get('content-type'), body });
    const answer = route(url.pathname, body);
    if (answer === 'hang') {
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    }
    return new Response(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body), { status: answer.status ?? 200 });
  }) as typeof fetch;
  return { sent, fetchImpl };
}

export const loginAnswer = (authKey = 'k1', sessionId = 's1') =>
  ok({ authKey, sessionId, userInfo: { id: 1, username: '18888888888', password: '05a9918b455b2209673c36676422bb81', salt: '7217' }, authList: {}, menusList: null, loginExpire: 2592000 });

/** The read endpoints of the fixture server (everything a pull asks). */
export function readRoute(path: string, body: Record<string, unknown>): Answer | null {
  switch (path) {
    case '/admin/base/login':
      return loginAnswer();
    case '/admin/groups/typeList':
      return ok(TYPE_LIST);
    case '/admin/rules/index':
      return ok(RULE_TREES[Number(body.pid)] ?? []);
    case '/admin/groups/index':
      return ok(GROUP_TREE);
    case '/admin/structures/index':
      return ok(STRUCTURES);
    case '/admin/users/index':
      return ok(USERS);
    case '/admin/fieldGrant/index':
      return ok(fieldGrantOf(Number(body.role_id), String(body.column)));
    default:
      return null;
  }
}

export const CREDENTIALS = { serverUrl: 'http://crm.test', username: '18888888888', password: 'S3cret-pass' };

/** The fixture server's state as a pull maps it. */
export async function fixtureSnapshot(): Promise<{ snapshot: Snapshot; notes: string[] }> {
  const server = fakeServer((path, body) => readRoute(path, body) ?? failed(`unexpected ${path}`));
  const result = await pullSnapshot(new WukongPhpSession(CREDENTIALS, { fetch: server.fetchImpl }), { now: () => new Date('2026-01-01T00:00:00Z') });
  return { snapshot: result.snapshot, notes: result.notes };
}

/** Journal in memory: only for the runner's own logic; integration tests use the encrypted store. */
export class MemoryJournal implements PushJournalPort {
  constructor(readonly record: JournalRecord) {}
  get(): JournalRecord {
    return structuredClone(this.record);
  }
  markSent(_: string, seq: number): void {
    this.record.calls[seq - 1]!.status = 'sent';
  }
  markDone(_: string, seq: number, response: unknown): void {
    Object.assign(this.record.calls[seq - 1]!, { status: 'done', response });
  }
  markFailed(_: string, seq: number, error: string): void {
    Object.assign(this.record.calls[seq - 1]!, { status: 'failed', error });
  }
}
