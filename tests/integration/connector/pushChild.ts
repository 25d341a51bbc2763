/**
 * Runs (or resumes) one journaled push in its own process, so a test can SIGKILL it halfway:
 *   npx tsx tests/integration/connector/pushChild.ts   with GATEHOUSE_WS_DIR, GATEHOUSE_WS_ID, GATEHOUSE_PUSH_ID
 * Prints the push report as one JSON line when it finishes.
 */
import { reopenWorkspace, syncFor } from './harness';

const dir = process.env.GATEHOUSE_WS_DIR;
const id = process.env.GATEHOUSE_WS_ID;
const pushId = process.env.GATEHOUSE_PUSH_ID;
if (!dir || !id || !pushId) throw new Error('GATEHOUSE_WS_DIR, GATEHOUSE_WS_ID and GATEHOUSE_PUSH_ID are required');

const { service, data } = await reopenWorkspace(dir, id);
const sync = syncFor(data);
console.log('ready');
const report = await sync.resume(pushId);
console.log(JSON.stringify(report));
await sync.disconnect();
service.lockAll();
