import { describe, expect, it } from 'vitest';
import type { JournalCall } from '../../pushJournal';
import type { PhpPushStep } from '../plan/steps';
import { stepEndpoint } from '../plan/steps';
import { WukongPhpSession } from '../session';
import { CREDENTIALS, failed, fakeServer, fieldGrantOf, GROUP_TREE, MemoryJournal, ok, readRoute, type Answer } from '../testing/fixtures';
import { runPush } from './runPush';

type Handler = (path: string, body: Record<string, unknown>) => Answer;

/**
 * The fixture server with a little state for the writes under test. `override` answers first when it returns
 * something; it is given the stateful handler (to land a write and still answer, say, HTTP 500).
 */
function server(override?: (path: string, body: Record<string, unknown>, handle: Handler) => Answer | undefined) {
  const groups = structuredClone(GROUP_TREE);
  const grants = new Map<string, unknown>();
  let nextRole = 15;
  const all = () => groups.flatMap((c) => c.list);
  const handle: Handler = (path, body) => {
    switch (path) {
      case '/admin/groups/index':
        return ok(groups);
      case '/admin/groups/save': {
        const category = groups.find((c) => Number(c.pid) === body.pid)!;
        category.list.push({ id: ++nextRole, pid: Number(body.pid), title: String(body.title), rules: '', remark: '', status: 1, type: Number(body.type), types: 0, system: 0 });
        return ok(1);
      }
      case '/admin/groups/update': {
        const role = all().find((r) => r.id === body.id);
        if (!role) return failed('参数错误');
        if (body.title) role.title = String(body.title);
        else role.rules = (body.rules as unknown[]).length ? `,${(body.rules as unknown[]).join(',')},` : '';
        if (body.type !== undefined) role.type = Number(body.type);
        return ok('编辑成功');
      }
      case '/admin/fieldGrant/index': {
        const key = `${body.role_id}/${body.column}`;
        return ok(grants.get(key) ?? fieldGrantOf(Number(body.role_id), String(body.column)));
      }
      case '/admin/fieldGrant/update': {
        grants.set('10/customer', { grant_id: body.grant_id, content: body.content });
        return ok('更新授权信息成功！');
      }
      case '/admin/users/enables':
        return ok('操作成功');
      default:
        return readRoute(path, body) ?? failed(`unexpected ${path}`);
    }
  };
  const fake = fakeServer((path, body) => override?.(path, body, handle) ?? handle(path, body));
  return { ...fake, handle, session: new WukongPhpSession(CREDENTIALS, { fetch: fake.fetchImpl }) };
}

const journalOf = (steps: PhpPushStep[], status: Partial<Record<number, JournalCall['status']>> = {}, responses: Record<number, unknown> = {}) =>
  new MemoryJournal({
    id: 'p',
    draftId: 'd',
    finishedAt: null,
    calls: steps.map((step, i) => ({ seq: i + 1, endpoint: stepEndpoint(step), request: step, status: status[i + 1] ?? 'planned', response: responses[i + 1] ?? null, error: null })),
  });
const writes = (sent: { path: string; body: Record<string, unknown> }[]) => sent.filter((s) => !/index|typeList|login/.test(s.path)).map((s) => [s.path, s.body]);

describe('runPush (WukongCRM PHP)', () => {
  const createRole: PhpPushStep = { kind: 'createRole', ref: 'new-role:a', category: 2, name: 'A', dataScope: 3, existing: [] };
  const grantNew: PhpPushStep = { kind: 'setRoleAccess', role: 'new-role:a', grant: ['13', '10', '1'], revoke: [] };

  it('skips finished calls, restores the ids they learned, and stops at a call that failed before', async () => {
    const s = server();
    const journal = journalOf([createRole, grantNew, grantNew], { 1: 'done', 2: 'failed' }, { 1: { serverId: '300' } });
    const report = await runPush({ session: s.session, journal, pushId: 'p' });
    expect(report).toMatchObject({ total: 3, done: 1, sent: 0, ids: { 'new-role:a': '300' } });
    expect(report.failure).toMatchObject({ seq: 2, code: 'PUSH_STOPPED', resumable: false });
    expect(s.sent).toEqual([]);
  });

  it('refuses a journal entry it cannot read rather than guessing', async () => {
    const s = server();
    const journal = new MemoryJournal({ id: 'p', draftId: 'd', finishedAt: null, calls: [{ seq: 1, endpoint: 'x', request: { kind: 'dropTables' }, status: 'planned', response: null, error: null }] });
    await expect(runPush({ session: s.session, journal, pushId: 'p' })).rejects.toMatchObject({ code: 'PUSH_STOPPED' });
  });

  it('creates a role, learns its id by re-reading, and writes its rules without a title (a title would drop them)', async () => {
    const s = server();
    const journal = journalOf([createRole, grantNew]);
    const report = await runPush({ session: s.session, journal, pushId: 'p' });
    expect(report).toMatchObject({ done: 2, sent: 2, ids: { 'new-role:a': '16' } });
    expect(writes(s.sent)).toEqual([
      ['/admin/groups/save', { title: 'A', pid: 2, type: 3, rules: [] }],
      ['/admin/groups/update', { id: 16, rules: [13, 10, 1] }],
    ]);
    expect(journal.record.calls.map((c) => [c.status, c.response])).toEqual([
      ['done', { serverId: '16' }],
      ['done', {}],
    ]);
  });

  it('sends server-now ∪ grant − revoke, keeping ids outside the catalogue, and checks that it took', async () => {
    const s = server();
    await runPush({ session: s.session, journal: journalOf([{ kind: 'setRoleAccess', role: '10', grant: ['12'], revoke: ['17'], dataScope: 1 }]), pushId: 'p' });
    expect(writes(s.sent)).toEqual([['/admin/groups/update', { id: 10, rules: [1, 10, 11, 13, 14, 2, 5, 62, 63, 64, 99999, 12], type: 1 }]]);
  });

  it('stops with WRITE_NOT_APPLIED when groups/update answers success but changed nothing', async () => {
    const s = server((path) => (path === '/admin/groups/update' ? ok('编辑成功') : undefined));
    const report = await runPush({ session: s.session, journal: journalOf([{ kind: 'setRoleAccess', role: '15', grant: ['5'], revoke: [] }]), pushId: 'p' });
    expect(report.failure).toMatchObject({ code: 'WRITE_NOT_APPLIED', resumable: false, message: expect.stringContaining('lacks 5') });
  });

  it('finds a create that landed before a crash (call left `sent`) and never sends it again', async () => {
    const s = server();
    s.handle('/admin/groups/save', { title: 'A', pid: 2, type: 3, rules: [] }); // what the crashed run had sent
    const journal = journalOf([createRole, grantNew], { 1: 'sent' });
    const report = await runPush({ session: s.session, journal, pushId: 'p' });
    expect(report).toMatchObject({ done: 2, confirmedOnResume: 1, sent: 1, ids: { 'new-role:a': '16' } });
    expect(s.sent.filter((x) => x.path === '/admin/groups/save')).toEqual([]);
    expect(journal.record.calls[0]!.response).toEqual({ serverId: '16', confirmedOnResume: true });
  });

  it('after an HTTP 500 on a create (the row was written, then the action log failed), takes that row instead of sending again', async () => {
    const s = server((path, body, handle) => {
      if (path !== '/admin/groups/save') return undefined;
      handle(path, body);
      return { status: 500, body: "<h1>SQLSTATE[23000]: Integrity constraint violation: 1048 Column 'target_name' cannot be null</h1>" };
    });
    const report = await runPush({ session: s.session, journal: journalOf([createRole]), pushId: 'p', retry: { baseDelayMs: 1 } });
    expect(report).toMatchObject({ done: 1, sent: 1, ids: { 'new-role:a': '16' } });
    expect(s.sent.filter((x) => x.path === '/admin/groups/save')).toHaveLength(1);
  });

  it('stops with SERVER_REJECTED when every attempt meets the same error page', async () => {
    const page = { status: 500, body: '<h1>数据表字段不存在:[foo]</h1>' };
    const s = server((path) => (path === '/admin/users/enables' ? page : undefined));
    const report = await runPush({ session: s.session, journal: journalOf([{ kind: 'setUserStatus', userIds: ['3'], status: 'disabled' }]), pushId: 'p', retry: { baseDelayMs: 1, attempts: 3 } });
    expect(report.failure).toMatchObject({ code: 'SERVER_REJECTED', resumable: false, message: expect.stringContaining('数据表字段不存在') });
    expect(s.sent.filter((x) => x.path === '/admin/users/enables')).toHaveLength(3);
  });

  it('writes a field grant back whole, only its cells changed; a cell changed by someone else since the plan stays', async () => {
    const s = server();
    const step: PhpPushStep = {
      kind: 'setFieldGrant',
      role: '10',
      column: 'customer',
      cells: [
        { field: 'mobile', label: '手机', set: { read: 0, write: 0 }, from: { read: 1, write: 0 } },
        { field: 'crm_abc', label: '自定义', set: { read: 1, write: 1 }, from: { read: 1, write: 1 } }, // it is 0/0 now
        { field: 'website', label: '网址', set: { read: 1, write: 0 }, from: null },
      ],
    };
    const report = await runPush({ session: s.session, journal: journalOf([step]), pushId: 'p' });
    expect(report.failure).toBeUndefined();
    const [path, body] = writes(s.sent)[0]!;
    expect(path).toBe('/admin/fieldGrant/update');
    expect(body).toEqual({
      grant_id: 2,
      content: [
        { field: 'name', read: 1, write: 1, name: '客户名称', is_diy: 0, read_operation: 0, write_operation: 1 },
        { field: 'mobile', read: 0, write: 0, name: '手机', is_diy: 0, read_operation: 1, write_operation: 1 },
        { field: 'owner_user_id', read: 1, write: 0, name: '负责人', is_diy: 0, read_operation: 0, write_operation: 0 },
        { field: 'crm_abc', read: 0, write: 0, name: '自定义', is_diy: 1, read_operation: 1, write_operation: 1 },
        { field: 'website', read: 1, read_operation: 1, write: 0, write_operation: 1, is_diy: 0, name: '网址' },
      ],
    });
  });
});
