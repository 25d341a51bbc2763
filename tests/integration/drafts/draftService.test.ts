import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_FACTS } from '../../../src-main/common/generator';
import { AppError } from '../../../src-main/common/ipc';
import { createAppServices, type AppServices } from '../../../src-main/services/appServices';

// Drafts through the real services: the encrypted demo workspace in a temporary folder, the real draft rules.
const resourcesDir = path.resolve(import.meta.dirname, '../../../resources');
let dataDir: string;
let services: AppServices;

const start = () => createAppServices({ resourcesDir, dataDir, version: 'test', transport: 'browser', idleLockMs: null });

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'gatehouse-drafts-'));
  services = await start();
});
afterEach(() => {
  services.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const SALES_ROLE = '180170'; // 销售员角色, a CRM role (dataType 1)
const CUSTOMER_DELETE = '32'; // crm:customer:delete, which the seed 销售员 role does not have
const grant = (id: string) => ({ id, ops: [{ type: 'grantPermissions' as const, roleIds: [SALES_ROLE], permissionIds: [CUSTOMER_DELETE] }] });
const holdsDelete = (draftId: string | null) =>
  services.drafts().projection(draftId).snapshot.roles.find((r) => r.id === SALES_ROLE)!.permissionIds.includes(CUSTOMER_DELETE);

describe('DraftService over the encrypted workspace', () => {
  it('records a gesture, projects it, and leaves the base untouched', () => {
    const draft = services.drafts().create('Q4 clean-up');
    const { draft: after } = services.drafts().apply(draft.id, grant('g1'));
    expect(after).toMatchObject({ batchCount: 1, appliedCount: 1, canUndo: true, canRedo: false });
    expect(holdsDelete(draft.id)).toBe(true);
    expect(holdsDelete(null)).toBe(false);
  });

  it('answers apply, undo and redo with what they changed in the matrix, from the state before to the state after', () => {
    const draft = services.drafts().create('deltas');
    const empty = services.drafts().projection(draft.id).id;
    expect(empty).toBe(services.drafts().projection(null).id); // a draft without gestures is the base
    const applied = services.drafts().apply(draft.id, grant('g1')).matrix!;
    expect(applied).toMatchObject({ from: empty, to: services.drafts().projection(draft.id).id, roles: [], fieldRules: [], memberCounts: {} });
    expect(applied.roleChanges).toEqual([{ id: SALES_ROLE, set: {}, permissionIds: [expect.objectContaining({ remove: 0, insert: [CUSTOMER_DELETE] })] }]);
    const undone = services.drafts().undo(draft.id).matrix!;
    expect(undone).toMatchObject({ from: applied.to, to: empty, roleChanges: [{ id: SALES_ROLE, permissionIds: [expect.objectContaining({ remove: 1, insert: [] })] }] });
    const redone = services.drafts().redo(draft.id).matrix!;
    expect(redone.from).toBe(empty);
    expect(redone.roleChanges).toEqual(applied.roleChanges);
  });

  it('refuses a gesture that breaks a server rule as a whole, and records nothing', () => {
    const draft = services.drafts().create('bad');
    const roles = services.workspace().snapshot().roles;
    const taken = roles.find((r) => r.groupId === '2' && r.id !== SALES_ROLE)!.name;
    const rename = { id: 'r1', ops: [{ type: 'renameRole' as const, roleId: SALES_ROLE, name: taken }] };
    expect(() => services.drafts().apply(draft.id, rename)).toThrow(AppError);
    try {
      services.drafts().apply(draft.id, rename);
    } catch (error) {
      expect((error as AppError).code).toBe('REFUSED');
      expect((error as AppError).details).toMatchObject({ kind: 'draftProblems', problems: [{ code: 'ROLE_NAME_TAKEN', wukongCode: 1117, message: { 'zh-CN': expect.any(String) } }] });
    }
    expect(services.drafts().list().drafts.find((d) => d.id === draft.id)).toMatchObject({ batchCount: 0 });
  });

  it('undoes and redoes one gesture at a time, and a new gesture drops the redo tail', () => {
    const draft = services.drafts().create('steps');
    services.drafts().apply(draft.id, grant('g1'));
    expect(services.drafts().undo(draft.id).draft).toMatchObject({ appliedCount: 0, canRedo: true });
    expect(holdsDelete(draft.id)).toBe(false);
    expect(services.drafts().redo(draft.id).draft).toMatchObject({ appliedCount: 1, canRedo: false });
    expect(holdsDelete(draft.id)).toBe(true);
    services.drafts().undo(draft.id);
    const scope = { id: 's1', ops: [{ type: 'setDataScope' as const, roleId: SALES_ROLE, dataScope: 3 as const }] };
    expect(services.drafts().apply(draft.id, scope).draft).toMatchObject({ batchCount: 1, appliedCount: 1, canRedo: false });
    expect(holdsDelete(draft.id)).toBe(false);
  });

  it('keeps drafts across a restart and resumes the one worked on last', async () => {
    const first = services.drafts().create('first');
    const second = services.drafts().create('second');
    services.drafts().apply(second.id, grant('g1'));
    const reportDepartment = services.workspace().snapshot().users.find((u) => u.id === DEMO_FACTS.liLeiReportsInOtherDepartment[0])!.departmentId;
    services.drafts().apply(first.id, { id: 'm1', ops: [{ type: 'moveUsers', userIds: [DEMO_FACTS.liLeiUserId], departmentId: reportDepartment }] });
    services.close();

    services = await start();
    const { drafts, activeDraftId } = services.drafts().list();
    expect(drafts.map((d) => d.name)).toEqual(['first', 'second']);
    expect(activeDraftId).toBe(first.id);
    expect(holdsDelete(second.id)).toBe(true);
    expect(services.drafts().batches(first.id).map((b) => b.id)).toEqual(['m1']);
  });

  it('shows the base when the user asks for it, instead of picking a draft', () => {
    services.drafts().create('some draft');
    services.drafts().activate(null);
    expect(services.drafts().list().activeDraftId).toBeNull();
  });

  it('duplicates the applied gestures only, and discards', () => {
    const draft = services.drafts().create('source');
    services.drafts().apply(draft.id, grant('g1'));
    services.drafts().apply(draft.id, { id: 's1', ops: [{ type: 'setDataScope', roleId: SALES_ROLE, dataScope: 4 }] });
    services.drafts().undo(draft.id);
    const copy = services.drafts().duplicate(draft.id, 'copy');
    expect(copy).toMatchObject({ batchCount: 1, appliedCount: 1 });
    services.drafts().discard(draft.id);
    expect(services.drafts().list().drafts.map((d) => d.name)).toEqual(['copy']);
    expect(() => services.drafts().batches(draft.id)).toThrow();
  });
});
