/** The emulator serves exactly the snapshot it was seeded with (generated organisation), and the CLI starts it. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedSnapshot, startEmulator, type RunningEmulator } from '../../wukong-emulator';
import { Client } from './client';

const snapshot = generatedSnapshot({ seed: 3, users: 300, customRoles: 6 });
let emulator: RunningEmulator;
let admin: Client;
beforeAll(async () => {
  emulator = await startEmulator({ snapshot });
  admin = new Client(emulator.url);
  await admin.login(emulator.adminUsername, emulator.adminPassword);
});
afterAll(() => emulator.close());

describe('seedFromSnapshot with the generated organisation', () => {
  it('logs the administrator in as the snapshot’s super user', () => {
    expect(String(emulator.adminUserId)).toBe(snapshot.superUserIds[0]);
  });

  it('serves every user with department, superior and roles as in the snapshot', async () => {
    const list: { userId: number; deptId: number; parentId: number; roleId: string | null; status: number }[] = [];
    for (let page = 1; ; page++) {
      const { data } = await admin.json<{ list: typeof list; lastPage: boolean }>('/adminUser/queryUserList', { page, limit: 100 });
      list.push(...data.list);
      if (data.lastPage) break;
    }
    expect(list).toHaveLength(snapshot.users.length);
    const byId = new Map(list.map((u) => [String(u.userId), u]));
    for (const u of snapshot.users) {
      const served = byId.get(u.id)!;
      expect(String(served.deptId)).toBe(u.departmentId);
      expect(served.parentId === 0 ? null : String(served.parentId)).toBe(u.managerId);
      // listByIds without ORDER BY: the role ids come in primary-key order, not in assignment order.
      expect(served.roleId ? served.roleId.split(',') : []).toEqual([...u.roleIds].sort((a, b) => Number(a) - Number(b)));
      expect(served.status).toBe({ active: 1, inactive: 2, disabled: 0 }[u.status]);
    }
  });

  it('stores every role’s grants and scope as in the snapshot', () => {
    const roles = new Map(emulator.state.roles().map((r) => [String(r.roleId), r]));
    expect(roles.size).toBe(snapshot.roles.length);
    for (const r of snapshot.roles) {
      expect(roles.get(r.id)).toMatchObject({ roleName: r.name, roleType: Number(r.groupId), dataType: r.dataScope, menuIds: r.permissionIds.map(Number) });
    }
  });

  it('serves the department tree and the field rules of the snapshot', async () => {
    expect((await admin.json<unknown[]>('/adminDept/queryDeptTree', {})).data).toHaveLength(snapshot.departments.length);
    const rule = snapshot.fieldRules.find((f) => f.module === 'customer' && f.field === 'mobile')!;
    const rows = (await admin.form<{ fieldName: string; authLevel: number; maskType: number }[]>('/crmField/queryRoleField', { roleId: rule.roleId, label: 2 })).data;
    expect(rows.find((f) => f.fieldName === 'mobile')).toMatchObject({
      authLevel: { hidden: 1, read: 2, edit: 3 }[rule.access],
      maskType: { none: 0, list: 1, listDetail: 2 }[rule.mask],
    });
  });
});

describe('a database file', () => {
  it('is reopened as the previous run left it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wukong-emulator-'));
    try {
      const dbFile = path.join(dir, 'emulator.db');
      const first = await startEmulator({ snapshot, dbFile });
      first.state.mutate({ type: 'renameRole', roleId: 180170, roleName: '销售员（改）' });
      await first.close();
      const second = await startEmulator({ dbFile, adminPassword: 'again123' });
      try {
        expect(second.state.role(180170)?.roleName).toBe('销售员（改）');
        expect(second.state.users()).toHaveLength(snapshot.users.length);
        await new Client(second.url).login(second.adminUsername, 'again123');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run emulator (main.ts)', () => {
  it('prints the URL, username and password on their own lines and serves logins', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/wukong-emulator/main.ts', '--small', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const lines = await new Promise<string[]>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('Ctrl+C')) resolve(out.split('\n'));
        });
        child.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${out}`)));
      });
      expect(lines[0]).toMatch(/stand-in .* not a CRM/);
      const value = (label: string) => lines.find((l) => l.startsWith(`${label}: `))!.slice(label.length + 2);
      const client = new Client(value('URL'));
      await client.login(value('Username'), value('Password'));
      expect((await client.json('/adminUser/queryLoginUser')).code).toBe(0);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
