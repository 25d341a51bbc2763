import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConnectorError } from '../../../src-main/connectors';
import { startEmulator, type RunningEmulator } from '../../wukong-emulator';
import { startCorruptingProxy, type Rewrite } from './corruptingProxy';
import { createWorkspace, syncFor, type TestWorkspace } from './harness';

describe('malformed answers are rejected, naming the endpoint and the field, and nothing is saved', () => {
  let emu: RunningEmulator;
  let ws: TestWorkspace;
  let rewrite: Rewrite = () => undefined;
  let proxy: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    emu = await startEmulator({ organisation: { users: 120, seed: 5 } });
    proxy = await startCorruptingProxy(emu.url, (path, body, answer) => rewrite(path, body, answer));
    ws = await createWorkspace(emu);
    ws.data.setConnection({ connector: 'wukong-crm-11', serverUrl: proxy.url, username: emu.adminUsername, secretKind: 'password', secret: emu.adminPassword });
  });
  afterAll(async () => {
    ws.dispose();
    await proxy.close();
    await emu.close();
  });

  const pullFails = async () => {
    const sync = syncFor(ws.data);
    const before = ws.data.listSnapshots().length;
    const error = await sync.pull().catch((e: unknown) => e);
    expect(ws.data.listSnapshots()).toHaveLength(before);
    await sync.disconnect();
    return error;
  };

  it('a field of the wrong type on the second page of users', async () => {
    rewrite = (path, body, answer) => {
      if (path !== '/adminUser/queryUserList' || (JSON.parse(body) as { page: number }).page !== 2) return undefined;
      const envelope = answer as { data: { list: Array<Record<string, unknown>> } };
      envelope.data.list[3]!.userId = 'u-7';
      return envelope;
    };
    const error = await pullFails();
    expect(isConnectorError(error, 'MALFORMED_RESPONSE')).toBe(true);
    expect(error).toMatchObject({ details: { endpoint: 'POST /adminUser/queryUserList', field: 'data.list[3].userId' } });
    expect(String(error)).toContain('POST /adminUser/queryUserList');
  });

  it('an envelope without its code', async () => {
    rewrite = (path, _body, answer) => (path === '/adminRole/getAllRoleList' ? { msg: 'success', data: (answer as { data: unknown }).data } : undefined);
    const error = await pullFails();
    expect(error).toMatchObject({ code: 'MALFORMED_RESPONSE', details: { endpoint: 'POST /adminRole/getAllRoleList', field: 'code' } });
  });

  it('a body that is not JSON at all', async () => {
    rewrite = (path) => (path === '/adminMenu/getMenuListByType/2' ? '<html>502 Bad Gateway</html>' : undefined);
    const error = await pullFails();
    expect(error).toMatchObject({ code: 'MALFORMED_RESPONSE', details: { endpoint: 'POST /adminMenu/getMenuListByType/2', field: '(body)' } });
  });

  it('a role grant list of the wrong shape, deep in the answer', async () => {
    rewrite = (path, _body, answer) => {
      if (path !== '/adminRole/getAllRoleList') return undefined;
      const envelope = answer as { data: Array<{ list: Array<{ rules: unknown }> }> };
      envelope.data[1]!.list[0]!.rules = { data: '28,29' };
      return envelope;
    };
    const error = await pullFails();
    expect(error).toMatchObject({ code: 'MALFORMED_RESPONSE', details: { endpoint: 'POST /adminRole/getAllRoleList', field: 'data[1].list[0].rules.data' } });
  });

  it('and the same server, answering properly again, pulls fine', async () => {
    rewrite = () => undefined;
    const sync = syncFor(ws.data);
    const result = await sync.pull();
    expect(result.snapshot.users).toHaveLength(120);
    expect(ws.data.listSnapshots()).toHaveLength(1);
    await sync.disconnect();
  });
});
