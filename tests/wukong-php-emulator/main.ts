/**
 * `npm run emulator:php [-- --port 8081 --db FILE ...]`: starts the WukongCRM 11.0 PHP-edition emulator and
 * prints where it listens and how to log in. A stand-in for tests, not a CRM.
 */
import { parseArgs } from 'node:util';
import { startEmulator } from './index';

const USAGE = `Usage: npm run emulator:php -- [options]
  --port N             port on 127.0.0.1 (default 0 = a free one)
  --admin-password P   administrator (user 1) password (default random)
  --admin-username U   administrator login (default 13800000001)
  --user-password P    password of every other user (default Passw0rd1)
  --db FILE            keep the SQLite database in FILE (reopened as is if it exists; default in memory)
  --strict             MySQL strict mode (refuse bad values; default: lenient, as the observed server)
  --control-token T    token for /__emulator/* (default random)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'admin-password': { type: 'string' },
      'admin-username': { type: 'string' },
      'user-password': { type: 'string' },
      db: { type: 'string' },
      strict: { type: 'boolean' },
      'control-token': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.port !== undefined && !/^\d+$/.test(values.port)) throw new Error(`--port must be a whole number, got "${values.port}"`);
  const emulator = await startEmulator({
    port: values.port === undefined ? undefined : Number(values.port),
    adminPassword: values['admin-password'],
    adminUsername: values['admin-username'],
    userPassword: values['user-password'],
    dbFile: values.db,
    strictMode: values.strict ?? false,
    controlToken: values['control-token'],
  });
  console.log('WukongCRM 11.0 PHP-edition emulator: a stand-in for tests, not a CRM. Data lives in SQLite and is lost on exit (unless --db).');
  console.log(`URL: ${emulator.url}   (login: POST ${emulator.url}/admin/base/login)`);
  console.log(`Username: ${emulator.adminUsername}`);
  console.log(`Password: ${emulator.adminPassword}`);
  console.log(`Other users' password: ${emulator.userPassword}`);
  console.log(`Control token (header X-Emulator-Control for /__emulator/*): ${emulator.controlToken}`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(1);
});
