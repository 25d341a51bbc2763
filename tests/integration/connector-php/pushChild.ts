/**
 * Runs (or resumes) one journaled push in its own process, so a scenario can SIGKILL it halfway:
 *   npx tsx tests/integration/connector-php/pushChild.ts   with GATEHOUSE_WS_DIR, GATEHOUSE_WS_ID, GATEHOUSE_PUSH_ID
 * Prints one JSON line per settled call ({"seq":…,"status":…}) and the report when it finishes.
 */
import { SyncService, createConnector } from '../../../src-main/services/sync';
import { reopenPhpWorkspace } from './scenarios';

const dir = process.env.GATEHOUSE_WS_DIR;
const id = process.env.GATEHOUSE_WS_ID;
const pushId = process.env.GATEHOUSE_PUSH_ID;
if (!dir || !id || !pushId) throw new Error('GATEHOUSE_WS_DIR, GATEHOUSE_WS_ID and GATEHOUSE_PUSH_ID are required');

const { service, data } = await reopenPhpWorkspace(dir, id);
const sync = new SyncService({
  data,
  createConnector: (profile) => createConnector(profile, { retry: { baseDelayMs: 20, settleMs: 200 } }),
  emit: (e) => e.type === 'sync.pushProgress' && console.log(JSON.stringify({ seq: e.seq, status: e.status })),
});
const report = await sync.resume(pushId);
console.log(JSON.stringify({ pushId: report.pushId, done: report.done }));
await sync.disconnect();
service.lockAll();
