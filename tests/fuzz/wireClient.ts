import http from 'node:http';
import WebSocket from 'ws';

export type CallOutcome =
  | { kind: 'ok'; value: unknown }
  | { kind: 'error'; code: string }
  /** The socket closed before the answer came (the host refused the frame, or died). */
  | { kind: 'closed'; code: number }
  /** No answer within the hang limit. */
  | { kind: 'hang' };

/** Trades the console's one-time token for a session cookie, as the browser does when the URL is opened. */
export async function sessionCookie(consoleUrl: string): Promise<string> {
  const url = new URL(consoleUrl);
  return new Promise((resolve, reject) => {
    const req = http.get({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}` }, (res) => {
      res.resume();
      const cookie = res.headers['set-cookie']?.[0]?.split(';')[0];
      if (res.statusCode === 303 && cookie) resolve(cookie);
      else reject(new Error(`the console URL answered ${res.statusCode ?? 0} without a session`));
    });
    req.on('error', reject);
  });
}

/**
 * A client of the browser host's WebSocket that survives the host closing it: a closed socket is reopened on
 * the next call (with the same session), so one refused frame costs one outcome, not the rest of the run.
 */
export class WireClient {
  #socket: WebSocket | null = null;
  #nextId = 1;
  readonly #pending = new Map<number, (outcome: CallOutcome) => void>();

  constructor(
    private readonly origin: string,
    private readonly cookie: string,
    private readonly hangMs: number,
  ) {}

  async call(channel: string, input: unknown): Promise<CallOutcome> {
    const id = this.#nextId++;
    return this.sendRaw(JSON.stringify({ id, channel, input }), id);
  }

  /** Sends one text (or binary) frame as is and waits for the answer to request `id`. */
  async sendRaw(frame: string | Buffer, id: number): Promise<CallOutcome> {
    const socket = await this.#open();
    return new Promise<CallOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        resolve({ kind: 'hang' });
      }, this.hangMs);
      this.#pending.set(id, (outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      });
      socket.send(frame, { binary: Buffer.isBuffer(frame) });
    });
  }

  /**
   * Sends a frame that is not a request the host can answer by id (not JSON, binary, no id…), then a plain
   * call on the same socket: what comes back says whether the socket survived it.
   */
  async sendGarbage(frame: string | Buffer): Promise<CallOutcome> {
    const socket = await this.#open();
    socket.send(frame, { binary: Buffer.isBuffer(frame) });
    const id = this.#nextId++;
    return this.sendRaw(JSON.stringify({ id, channel: 'app.info', input: {} }), id);
  }

  /** Whether the host still answers a plain call on a fresh socket. */
  async alive(): Promise<boolean> {
    this.close();
    try {
      return (await this.call('app.info', {})).kind === 'ok';
    } catch {
      return false;
    }
  }

  close(): void {
    this.#socket?.terminate();
    this.#socket = null;
  }

  async #open(): Promise<WebSocket> {
    if (this.#socket && this.#socket.readyState === WebSocket.OPEN) return this.#socket;
    const url = `${this.origin.replace(/^http/, 'ws')}/ws`;
    const socket = new WebSocket(url, { headers: { Cookie: this.cookie, Origin: this.origin }, maxPayload: 256 * 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode ?? 0}`)));
    });
    socket.on('error', () => undefined);
    socket.on('message', (data) => {
      let message: { kind?: string; id?: number; result?: { ok: boolean; value?: unknown; error?: { code: string } } };
      try {
        message = JSON.parse(String(data)) as typeof message;
      } catch {
        return;
      }
      if (message.kind !== 'result' || typeof message.id !== 'number' || !message.result) return;
      const waiting = this.#pending.get(message.id);
      if (!waiting) return;
      this.#pending.delete(message.id);
      waiting(message.result.ok ? { kind: 'ok', value: message.result.value } : { kind: 'error', code: message.result.error?.code ?? '?' });
    });
    socket.on('close', (code) => {
      for (const [id, waiting] of this.#pending) {
        this.#pending.delete(id);
        waiting({ kind: 'closed', code });
      }
      if (this.#socket === socket) this.#socket = null;
    });
    this.#socket = socket;
    return socket;
  }
}
