import http from 'node:http';
import net from 'node:net';
import WebSocket from 'ws';
import type { BrowserHost } from '../../../src-main/host/browserHost';
import type { AppErrorData } from '../../../src-main/common/ipc';

/** Plain HTTP against the host, answering with status, headers and body. */
export function get(port: number, pathAndQuery: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: pathAndQuery, headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (c) => (body += String(c)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
  });
}

export const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

/** Opens a fresh console link (each opens once) and returns the session cookie (`name=value`). */
export async function login(host: BrowserHost, link = host.newLink()): Promise<string> {
  const res = await get(host.port, `/?token=${tokenOf(link)}`);
  if (res.status !== 303) throw new Error(`login answered ${res.status}: ${res.body}`);
  const cookie = res.headers['set-cookie']?.[0] ?? '';
  return cookie.split(';')[0]!;
}

export const socketHeaders = (host: BrowserHost, cookie: string) => ({ Cookie: cookie, Origin: `http://127.0.0.1:${host.port}` });

export function openSocket(port: number, headers: Record<string, string>) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers });
  return new Promise<WebSocket>((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

export type CallResult = { ok: boolean; value?: unknown; error?: AppErrorData };

/** Sends a raw text frame and waits for the result with that id. */
export function send(ws: WebSocket, id: number, text: string) {
  return new Promise<CallResult>((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data));
      if (message.kind === 'result' && message.id === id) {
        ws.off('message', onMessage);
        resolve(message.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(text);
  });
}

export const call = (ws: WebSocket, id: number, channel: string, input: unknown) => send(ws, id, JSON.stringify({ id, channel, input }));

export const closed = (ws: WebSocket) => new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })));

/** Resolves when the host closes a raw TCP socket (end or reset), with everything it sent. */
export function hostCloses(socket: net.Socket) {
  return new Promise<string>((resolve) => {
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.once('close', () => resolve(received));
  });
}

export function connectRaw(port: number) {
  return new Promise<net.Socket>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}
