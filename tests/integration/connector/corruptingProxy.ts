/**
 * A tiny HTTP proxy in front of the emulator that rewrites chosen answers: how a test gets a server that
 * answers with a shape the connector does not expect (the emulator itself only answers correctly).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Return the body to send instead (a string is sent raw), or undefined to pass the answer through. */
export type Rewrite = (path: string, requestBody: string, answer: unknown) => unknown;

export async function startCorruptingProxy(target: string, rewrite: Rewrite): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'admin-token']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      fetch(new URL(req.url ?? '/', target), { method: req.method, headers, body: req.method === 'GET' ? undefined : body })
        .then(async (answer) => {
          const text = await answer.text();
          const replaced = rewrite(new URL(req.url ?? '/', target).pathname, body, JSON.parse(text));
          const out = replaced === undefined ? text : typeof replaced === 'string' ? replaced : JSON.stringify(replaced);
          res.writeHead(answer.status, { 'content-type': 'application/json;charset=UTF-8' });
          res.end(out);
        })
        .catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
