/**
 * `npm run emulator [-- --port 8443 --seed 1 --users 200 ...]`: starts the WukongCRM 11 emulator and
 * prints where it listens and how to log in. A stand-in for trying the sync flow, not a CRM.
 */
import { parseArgs } from 'node:util';
import { startEmulator } from './index';
import { smallOrganisation } from './smallOrganisation';

const USAGE = `Usage: npm run emulator -- [options]
  --port N             port on 127.0.0.1 (default 0 = a free one)
  --seed N             seed of the generated organisation (default 1)
  --users N            people, the administrator included (default 200)
  --departments N      departments (default users / 25)
  --custom-roles N     custom roles beside the 14 WukongCRM seed roles (default 12)
  --small              serve the small hand-made organisation instead (7 users)
  --admin-password P   administrator password (default random)
  --user-password P    password of every other user (default Passw0rd1)
  --db FILE            keep the SQLite database in FILE (reopened as is if it exists; default in memory)
  --control-token T    token for /__emulator/* (default random)`;

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a whole number, got "${value}"`);
  return Number(value);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      users: { type: 'string' },
      departments: { type: 'string' },
      'custom-roles': { type: 'string' },
      small: { type: 'boolean' },
      'admin-password': { type: 'string' },
      'user-password': { type: 'string' },
      db: { type: 'string' },
      'control-token': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const emulator = await startEmulator({
    port: integer(values.port, 'port'),
    snapshot: values.small ? smallOrganisation() : undefined,
    organisation: {
      seed: integer(values.seed, 'seed'),
      users: integer(values.users, 'users'),
      departments: integer(values.departments, 'departments'),
      customRoles: integer(values['custom-roles'], 'custom-roles'),
    },
    adminPassword: values['admin-password'],
    userPassword: values['user-password'],
    dbFile: values.db,
    controlToken: values['control-token'],
  });
  const counts = emulator.state.db
    .prepare('SELECT (SELECT count(*) FROM wk_admin_user) AS users, (SELECT count(*) FROM wk_admin_dept) AS depts, (SELECT count(*) FROM wk_admin_role) AS roles')
    .get() as { users: number; depts: number; roles: number };
  console.log('WukongCRM 11 emulator: a stand-in for trying the Gatehouse sync flow, not a CRM. Data lives in SQLite and is lost on exit (unless --db).');
  console.log(`URL: ${emulator.url}`);
  console.log(`Username: ${emulator.adminUsername}`);
  console.log(`Password: ${emulator.adminPassword}`);
  console.log(`Other users' password: ${emulator.userPassword}`);
  console.log(`Control token (header X-Emulator-Control for /__emulator/*): ${emulator.controlToken}`);
  console.log(`Organisation: ${counts.users} users, ${counts.depts} departments, ${counts.roles} roles. Ctrl+C stops.`);
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
