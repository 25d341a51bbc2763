import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

export interface RunningHost {
  url: string;
  origin: string;
  /** The host's GATEHOUSE_HOME: its encrypted workspaces. */
  dataDir: string;
  /** Stops the host; the data folder stays until `dispose` (a restart can reuse it). */
  stop(): Promise<void>;
  /** Ends the host abruptly (e.g. SIGKILL in the middle of a push) and waits until it is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
  dispose(): Promise<void>;
}

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
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GATEHOUSE_HOME: dataDir },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not print its URL in ${startupMs / 1000} s\n${stderr}`)), startupMs);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^Gatehouse console: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}\n${stderr}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
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
