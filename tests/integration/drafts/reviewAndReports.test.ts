import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../src-main/common/domain';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../src-main/common/ipc';
import { SCOPE_NAMES } from '../../../src-main/common/policy';
import { createDispatcher } from '../../../src-main/ipc/dispatcher';
import { toAppError } from '../../../src-main/ipc/errorMapping';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { createAppServices, type AppServices } from '../../../src-main/services/appServices';

/**
 * The review, revert, policy-file and report channels through the real dispatcher (input and output checked
 * against the contract), handlers, services and an encrypted demo workspace in a temporary folder.
 */
let env: { services: AppServices; dataDir: string; dispatch: ReturnType<typeof createDispatcher> };
let base: Snapshot;
beforeEach(async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gatehouse-review-'));
  const services = await createAppServices({ resourcesDir: path.resolve(import.meta.dirname, '../../../resources'), dataDir, version: 'test', transport: 'browser', idleLockMs: null });
  env = { services, dataDir, dispatch: createDispatcher(createHandlers(services), () => undefined, toAppError) };
  base = services.drafts().projection(null).snapshot;
});
afterEach(() => {
  env.services.close();
  rmSync(env.dataDir, { recursive: true, force: true });
});

async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await env.dispatch(channel, input, { transport: 'browser' });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.details ?? null)}`);
  return result.value as ChannelOutput<C>;
}

/** A CRM role and two catalogue actions of its group it does not hold yet. */
function crmRoleAndFreeActions() {
  const groups = new Map(base.roleGroups.map((g) => [g.id, g]));
  const role = base.roles.find((r) => groups.get(r.groupId)?.hasDataScope && r.remark === null && base.users.some((u) => u.roleIds.includes(r.id)))!;
  const free = base.permissions.filter((p) => p.kind === 'action' && p.key.startsWith('crm:') && p.scoped && !role.permissionIds.includes(p.id));
  return { role, group: role.groupId, free: free.slice(0, 2).map((p) => p.id) };
}

describe('reverting one gesture', () => {
  it('keeps the later gestures and drops only that one', async () => {
    const { role, free } = crmRoleAndFreeActions();
    const draft = await call('drafts.create', { name: 'Review me' });
    await call('drafts.apply', { draftId: draft.id, batch: { id: 'a', ops: [{ type: 'grantPermissions', roleIds: [role.id], permissionIds: [free[0]!] }] } });
    await call('drafts.apply', { draftId: draft.id, batch: { id: 'b', ops: [{ type: 'setDataScope', roleId: role.id, dataScope: role.dataScope === 5 ? 1 : 5 }] } });
    await call('drafts.apply', { draftId: draft.id, batch: { id: 'c', ops: [{ type: 'grantPermissions', roleIds: [role.id], permissionIds: [free[1]!] }] } });

    const changes = await call('drafts.changes', { draftId: draft.id });
    expect(changes.gestures.map((g) => g.number)).toEqual([1, 2, 3]);
    expect(changes.gestures[1]!.changes).toEqual([expect.objectContaining({ subject: { kind: 'role', id: role.id, name: role.name } })]);
    expect(changes.gestures[1]!.changes[0]!.text.en).toContain(`Data scope of "${role.name}"`);
    // Everyone holding the role gains the two actions: the impact says so per permission.
    const members = base.users.filter((u) => u.roleIds.includes(role.id)).length;
    expect(changes.impact.permissions.find((p) => p.permissionId === free[0])?.gained ?? 0).toBeLessThanOrEqual(members);
    expect(changes.impact.usersAffected).toBeGreaterThan(0);

    const result = await call('drafts.revertBatch', { draftId: draft.id, batchId: 'b' });
    expect(result).toMatchObject({ reverted: true, draft: { appliedCount: 2 } });
    expect((await call('drafts.batches', { draftId: draft.id })).batches.map((b) => b.id)).toEqual(['a', 'c']);
    const after = env.services.drafts().projection(draft.id).snapshot.roles.find((r) => r.id === role.id)!;
    expect(after.dataScope).toBe(role.dataScope);
    expect(after.permissionIds).toEqual(expect.arrayContaining(free));
  });

  it('is refused, changing nothing, when a later gesture depends on it', async () => {
    const { group, free } = crmRoleAndFreeActions();
    const draft = await call('drafts.create', { name: 'Depends' });
    await call('drafts.apply', { draftId: draft.id, batch: { id: 'make', ops: [{ type: 'createRole', roleId: 'new-role:t1', name: 'Temp auditors', groupId: group, dataScope: 1, permissionIds: [] }] } });
    await call('drafts.apply', { draftId: draft.id, batch: { id: 'use', ops: [{ type: 'grantPermissions', roleIds: ['new-role:t1'], permissionIds: [free[0]!] }] } });

    const refused = await call('drafts.revertBatch', { draftId: draft.id, batchId: 'make' });
    if (refused.reverted) throw new Error('reverted a gesture another one needs');
    expect(refused.blockers[0]).toMatchObject({ number: 2, batchId: 'use', problem: { code: 'UNKNOWN_ROLE', severity: 'error' } });
    expect((await call('drafts.batches', { draftId: draft.id })).batches.map((b) => b.id)).toEqual(['make', 'use']);

    // The dependent one can go, and then the first one can too.
    expect((await call('drafts.revertBatch', { draftId: draft.id, batchId: 'use' })).reverted).toBe(true);
    expect((await call('drafts.revertBatch', { draftId: draft.id, batchId: 'make' })).reverted).toBe(true);
    expect((await call('drafts.list', {})).drafts.find((d) => d.id === draft.id)?.appliedCount).toBe(0);
  });
});

describe('policy files through the channels', () => {
  it('exports a draft and imports it back as a new draft with the same gestures', async () => {
    const { role, free } = crmRoleAndFreeActions();
    const draft = await call('drafts.create', { name: '销售 Q3' });
    await call('drafts.apply', { draftId: draft.id, batch: { id: 'g', label: 'paint', ops: [{ type: 'grantPermissions', roleIds: [role.id], permissionIds: free }] } });
    const file = await call('policy.export', { kind: 'draft', draftId: draft.id, locale: 'en' });
    expect(file.fileName).toBe('销售-Q3.draft.yaml');
    expect((await call('policy.export', { kind: 'draft', draftId: draft.id, locale: 'en' })).text).toBe(file.text);

    const imported = await call('policy.import', { text: file.text });
    if (imported.status !== 'draft') throw new Error(JSON.stringify(imported));
    expect(imported.draft).toMatchObject({ name: '销售 Q3', appliedCount: 1 });
    expect((await call('drafts.batches', { draftId: imported.draft.id })).batches).toEqual((await call('drafts.batches', { draftId: draft.id })).batches);
  });

  it('refuses a draft file the server would refuse, and a malformed one by line, creating nothing', async () => {
    const before = (await call('drafts.list', {})).drafts.length;
    const refused = await call('policy.import', {
      text: 'format: gatehouse-policy/1\nkind: draft\nname: Bad\nbaseVersion: 1\ngestures:\n  - id: x\n    operations:\n      - type: grantPermissions\n        roleIds: ["no-such-role"]\n        permissionIds: []\n',
    });
    expect(refused).toMatchObject({ status: 'refused', problems: [{ number: 1, problem: { code: 'UNKNOWN_ROLE' } }] });
    const invalid = await call('policy.import', { text: 'format: gatehouse-policy/1\nkind: draft\nname: Bad\nbaseVersion: one\ngestures: []\n' });
    expect(invalid).toMatchObject({ status: 'invalid', problems: [{ line: 4, field: 'baseVersion' }] });
    expect((await call('drafts.list', {})).drafts.length).toBe(before);
  });

  it('reads a large file off the main thread: other calls are answered while it is parsed', async () => {
    // A well-formed 600 KB file the schema refuses (over 10,000 gestures): parsed and checked in the worker.
    const long = `format: gatehouse-policy/1\nkind: draft\nname: Long\nbaseVersion: 1\ngestures:\n${'  - id: g\n    operations: []\n'.repeat(20_000)}`;
    const order: string[] = [];
    const importing = call('policy.import', { text: long }).then((r) => (order.push('import'), r));
    const listing = call('drafts.list', {}).then(() => order.push('list'));
    const [imported] = await Promise.all([importing, listing]);
    expect(order).toEqual(['list', 'import']);
    expect(imported.status).toBe('invalid');
  });

  it('refuses a file with 50,000 keys in one mapping without parsing it', async () => {
    const wide = `format: gatehouse-policy/1\nkind: draft\nname: Wide\nbaseVersion: 1\ngestures: []\nextra:\n${Array.from({ length: 50_000 }, (_, i) => `  k${i}: ${i}\n`).join('')}`;
    const invalid = await call('policy.import', { text: wide });
    expect(invalid).toMatchObject({ status: 'invalid', problems: [{ line: 1_007, message: { en: expect.stringMatching(/more than 1,000 keys/) } }] });
  });

  it('imports a snapshot file as the newest snapshot, equal to what was exported', async () => {
    const file = await call('policy.export', { kind: 'snapshot', draftId: null, locale: 'zh-CN' });
    const imported = await call('policy.import', { text: file.text });
    if (imported.status !== 'snapshot') throw new Error(JSON.stringify(imported));
    const now = env.services.drafts().projection(null).snapshot;
    expect(now.source.kind).toBe('file');
    expect((await call('policy.export', { kind: 'snapshot', draftId: null, locale: 'zh-CN' })).text.replace(/^version: \d+$/m, '').replace('kind: demo', 'kind: file')).toBe(
      file.text.replace(/^version: \d+$/m, '').replace('kind: demo', 'kind: file'),
    );
  });
});

describe('reports', () => {
  it('writes the role matrix to XLSX with each granted cell naming the role scope', async () => {
    const out = await call('reports.export', { report: 'roleMatrix', format: 'xlsx', draftId: null, locale: 'en' });
    expect(out.encoding).toBe('base64');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(out.data, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const { role } = crmRoleAndFreeActions();
    const column = header.findIndex((h) => h.startsWith(`${role.name} (`)) + 1;
    expect(column).toBeGreaterThan(2);
    const granted = base.permissions.find((p) => p.scoped && role.permissionIds.includes(p.id))!;
    const row = sheet.getColumn(1).values.findIndex((v) => v === granted.key);
    expect(sheet.getRow(row).getCell(column).value).toBe(SCOPE_NAMES[role.dataScope].en);
    expect(sheet.getRow(2).getCell(column).value).toBe(SCOPE_NAMES[role.dataScope].en);
  });

  it('writes the access map with effective scope names, the same in XLSX and CSV', async () => {
    const xlsx = await call('reports.export', { report: 'accessMap', format: 'xlsx', draftId: null, locale: 'zh-CN' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.data, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const table = await call('reports.table', { report: 'accessMap', draftId: null, locale: 'zh-CN' });
    expect(sheet.rowCount).toBe(base.users.length + 1);
    expect(sheet.getRow(2).getCell(table.columns.length).value).toBe(table.rows[0]!.at(-1));
    expect(table.rows.flat()).toContain(SCOPE_NAMES[5]['zh-CN']);
    const admin = table.rows.find((r) => r[1] === 'admin')!;
    expect(admin.slice(table.keyColumns).every((cell) => cell === SCOPE_NAMES[5]['zh-CN'])).toBe(true);

    const csv = await call('reports.export', { report: 'accessMap', format: 'csv', draftId: null, locale: 'zh-CN' });
    expect(csv.data.startsWith('\uFEFF')).toBe(true);
    // Header, one line per person, and the final CRLF.
    expect(csv.data.split('\r\n').length - 1).toBe(base.users.length + 1);
  });

  it('keeps a formula in a role name from running in a spreadsheet', async () => {
    const { role } = crmRoleAndFreeActions();
    const draft = await call('drafts.create', { name: 'Evil' });
    await call('drafts.apply', { draftId: draft.id, batch: { id: 'r', ops: [{ type: 'renameRole', roleId: role.id, name: '=HYPERLINK("http://x","y")' }] } });
    const csv = await call('reports.export', { report: 'roleMatrix', format: 'csv', draftId: draft.id, locale: 'en' });
    const header = csv.data.split('\r\n')[0]!;
    expect(header).toContain(`"'=HYPERLINK(""http://x"",""y"")`);
    expect(header).not.toMatch(/,=/);
  });
});
