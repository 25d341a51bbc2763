/**
 * Where the PHP-edition scenarios run: the emulator (always, in the test gate) or a real WukongCRM 11.0 PHP
 * server that someone already runs (only when GATEHOUSE_PHP_URL names it; nothing here builds or starts one).
 * A second admin's edits go through the same HTTP API the console uses, with their own login.
 */
import { spawnSync } from 'node:child_process';
import { startEmulator, type RunningEmulator as RunningPhpEmulator } from '../../wukong-php-emulator';

export interface PhpTarget {
  name: 'emulator' | 'real';
  url: string;
  username: string;
  password: string;
  /** The emulator, for faults and state reads; null on the real server. */
  emulator: RunningPhpEmulator | null;
  /** Back to a known state (the emulator: a fresh seed; the real server: GATEHOUSE_PHP_RESET, if given). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function emulatorTarget(): Promise<PhpTarget> {
  let emu = await startEmulator();
  const target: PhpTarget = {
    name: 'emulator',
    url: emu.url,
    username: emu.adminUsername,
    password: emu.adminPassword,
    emulator: emu,
    async reset() {
      await emu.close();
      emu = await startEmulator();
      Object.assign(target, { url: emu.url, username: emu.adminUsername, password: emu.adminPassword, emulator: emu });
    },
    close: () => emu.close(),
  };
  return target;
}

/** The real server named by GATEHOUSE_PHP_URL / _USER / _PASSWORD (and optionally _RESET, a command), or null. */
export function realTarget(): PhpTarget | null {
  const url = process.env.GATEHOUSE_PHP_URL;
  if (!url) return null;
  const username = process.env.GATEHOUSE_PHP_USER ?? '';
  const password = process.env.GATEHOUSE_PHP_PASSWORD ?? '';
  const resetCommand = process.env.GATEHOUSE_PHP_RESET;
  return {
    name: 'real',
    url,
    username,
    password,
    emulator: null,
    async reset() {
      if (!resetCommand) return;
      const run = spawnSync(resetCommand, { shell: true, stdio: 'pipe' });
      if (run.status !== 0) throw new Error(`GATEHOUSE_PHP_RESET failed: ${run.stderr.toString()}`);
    },
    close: async () => undefined,
  };
}

/** A plain API client for the "second admin": logs in on its own and sends one call (JSON body). */
export async function secondAdmin(target: PhpTarget): Promise<(path: string, body: unknown) => Promise<{ code: number; data: unknown; error?: string }>> {
  const login = await post(target.url, '/admin/base/login', { username: target.username, password: target.password }, {});
  const data = login.data as { authKey: string; sessionId: string };
  return (path, body) => post(target.url, path, body, { authKey: data.authKey, sessionId: data.sessionId });
}

async function post(url: string, path: string, body: unknown, headers: Record<string, string>) {
  const answer = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return (await answer.json()) as { code: number; data: unknown; error?: string };
}

/**
 * The same small organisation on either server, made through its API as an administrator would, so the
 * scenarios meet the same shapes on both: two departments under the top one (one left empty), three CRM roles
 * without rules (one held by nobody) and three people reporting to the administrator.
 */
export async function prepareOrganisation(target: PhpTarget): Promise<void> {
  const call = await secondAdmin(target);
  const ok = async (path: string, body: unknown) => {
    const answer = await call(path, body);
    if (answer.code !== 200) throw new Error(`${path}: ${JSON.stringify(answer)}`);
    return answer.data;
  };
  const departments = (await ok('/admin/structures/index', {})) as Array<{ id: number; pid: number; name: string }>;
  const top = departments.find((d) => d.pid === 0)!;
  await ok('/admin/structures/save', { name: 'GH 销售部', pid: top.id, owner_user_id: 1 });
  await ok('/admin/structures/save', { name: 'GH 空部门', pid: top.id, owner_user_id: '' });
  const sales = ((await ok('/admin/structures/index', {})) as Array<{ id: number; name: string }>).find((d) => d.name === 'GH 销售部')!;
  for (const [title, type] of [['GH 销售员', 1], ['GH 客服', 3], ['GH 空角色', 2]] as const) {
    await ok('/admin/groups/save', { title, pid: 2, type, remark: '', rules: [] });
  }
  const roles = (await ok('/admin/groups/index', { pid: 2 })) as Array<{ id: number; title: string }>;
  const roleId = (title: string) => roles.find((r) => r.title === title)!.id;
  const people = [
    ['13900000101', 'GH 张三', roleId('GH 销售员')],
    ['13900000102', 'GH 李四', roleId('GH 客服')],
    ['13900000103', 'GH 王五', roleId('GH 销售员')],
  ] as const;
  for (const [username, realname, role] of people) {
    await ok('/admin/users/save', { username, password: 'Gh123456a', realname, structure_id: sales.id, parent_id: 1, group_id: [role] });
  }
}
