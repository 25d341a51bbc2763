import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

export interface RunningHost {
  /**
   * A console link no one has opened yet: each read gives a new one, since a link opens the console once (a
   * page reload then goes by the session cookie). The host prints links on request; a few are kept ahead.
   */
  readonly url: string;
  origin: string;
  /** The host's GATEHOUSE_HOME: its encrypted workspaces. */
  dataDir: string;
  /** Whether the host process is still running. */
  running(): boolean;
  /** Stops the host; the data folder stays until `dispose` (a restart can reuse it). */
  stop(): Promise<void>;
  /** Ends the host abruptly (e.g. SIGKILL in the middle of a push) and waits until it is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
  dispose(): Promise<void>;
}

/** Unused console links kept ready, so reading `url` never waits (the host keeps up to 8 unused). */
const LINKS_AHEAD = 4;

/**
 * Starts the built browser host (`out/main/serve.js`, what `npm run serve` runs) and waits for the line
 * that carries the console's URL. Tests drive the real artifact, not a dev server.
 */
export async function startHost(options: { dataDir?: string; demoUsers?: number } = {}): Promise<RunningHost> {
  // Each test run gets its own workspace folder, so it never touches the user's ~/.gatehouse.
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'gatehouse-e2e-'));
  // `demoUsers`: the demo workspace holds a generated organisation of that size (the scale tests).
  const extra = options.demoUsers === undefined ? [] : ['--demo-users', String(options.demoUsers)];
  // Generating, encrypting and saving a large organisation takes a while on a busy machine.
  const startupMs = options.demoUsers === undefined ? 30_000 : 180_000;
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'out/main/serve.js'), '--port', '0', ...extra], {
    cwd: root,
    // stdin: a line asks the host for a new console link (each link opens the console once).
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, GATEHOUSE_HOME: dataDir },
  });
  child.stdin!.on('error', () => undefined); // a host that was killed cannot be asked for links
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const links: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not print its URL in ${startupMs / 1000} s\n${stderr}`)), startupMs);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^Gatehouse console: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/.exec(line);
      if (!match) return;
      links.push(match[1]!);
      // The first link is printed at start; ask for the rest of the supply at once.
      if (links.length === 1) child.stdin!.write('\n'.repeat(LINKS_AHEAD - 1));
      if (links.length === LINKS_AHEAD) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}\n${stderr}`)));
  });
  const origin = new URL(links[0]!).origin;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return {
    get url() {
      const link = links.shift();
      if (link === undefined) throw new Error(`the test opened more than ${LINKS_AHEAD} console links at once`);
      child.stdin!.write('\n'); // ask for one more: the supply stays LINKS_AHEAD ahead of the test
      return link;
    },
    origin,
    dataDir,
    running: () => child.exitCode === null && child.signalCode === null,
    stop,
    kill: (signal) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
    dispose: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
