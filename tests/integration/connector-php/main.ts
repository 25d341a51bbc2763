/**
 * The real-vs-emulator table: every scenario against the PHP-edition emulator and, when GATEHOUSE_PHP_URL names
 * a running WukongCRM 11.0 PHP server (with GATEHOUSE_PHP_USER / _PASSWORD, and _RESET to reset it between
 * scenarios), against that server too. Prints a Markdown table; a row whose outcomes differ is marked.
 *   npm run scenarios:php
 */
import { runKilledPush } from './killedPush';
import { runRollback } from './rollback';
import { SCENARIOS, runScenario, type Outcome } from './scenarios';
import { emulatorTarget, realTarget, type PhpTarget } from './target';

const show = (o: Outcome | null) => (o ? [o.plan, o.push, o.verify, o.check].filter((x) => x && x !== '—').join(' · ') : 'not run');

async function outcomes(target: PhpTarget | null): Promise<Map<string, Outcome>> {
  const out = new Map<string, Outcome>();
  if (!target) return out;
  const all = [...SCENARIOS.map((s) => ({ name: s.name, run: () => runScenario(target, s) })), { name: 'SIGKILL mid-push, then resume', run: () => runKilledPush(target) }, { name: 'push, then roll back', run: () => runRollback(target) }];
  for (const s of all) {
    await target.reset();
    try {
      out.set(s.name, await s.run());
    } catch (e) {
      out.set(s.name, { plan: 'error', push: '—', verify: '—', check: (e as Error).message.slice(0, 120) });
    }
    process.stderr.write(`${target.name}: ${s.name}: ${show(out.get(s.name)!)}\n`);
  }
  await target.reset();
  return out;
}

const emulator = await emulatorTarget();
const real = realTarget();
const onReal = await outcomes(real);
const onEmulator = await outcomes(emulator);
await emulator.close();

console.log('| scenario | real server | emulator | same |');
console.log('|---|---|---|---|');
for (const name of onEmulator.keys()) {
  const r = onReal.get(name) ?? null;
  const e = onEmulator.get(name)!;
  console.log(`| ${name} | ${show(r)} | ${show(e)} | ${r ? (show(r) === show(e) ? 'yes' : '**no**') : '—'} |`);
}
