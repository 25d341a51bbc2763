import { MAX_WIRE_MESSAGE_BYTES } from '../common/ipc';

/**
 * Every bound the browser host keeps on its clients. All are options so tests can use small values instead of
 * waiting; the defaults suit one administrator with a few tabs on 127.0.0.1.
 */
export interface HostLimits {
  /** A request's headers must all arrive within this (a slowloris client trickling header bytes is cut off). */
  headersTimeoutMs: number;
  /** A whole request must arrive within this. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection between two requests is closed after this. */
  keepAliveTimeoutMs: number;
  /** An HTTP connection with no traffic at all for this long is closed (a WebSocket is not: it has its session). */
  socketIdleMs: number;
  /** How often Node checks the headers and request timeouts (its default, 30 s, would let them run late). */
  timeoutCheckIntervalMs: number;
  /** Open connections at once, WebSockets included; more are dropped at accept. */
  maxConnections: number;
  /** Browser sessions at once; a new link opened beyond it ends the least recently used session. */
  maxSessions: number;
  /** WebSockets of one session (one per tab). */
  maxSocketsPerSession: number;
  /** Links printed and not yet opened; a newer one retires the oldest. */
  maxUnusedLinks: number;
  /** A session ends after this long without a request: the workspace idle lock's duration. null: never. */
  sessionIdleMs: number | null;
  /** Calls of one socket still being answered; more get REFUSED until some finish. */
  maxInFlightPerSocket: number;
  /** Replies queued for a client that does not read them; beyond this the socket is dropped. */
  maxBufferedBytesPerSocket: number;
  /** Largest WebSocket message (UTF-8 bytes). */
  maxMessageBytes: number;
}

export const DEFAULT_HOST_LIMITS: HostLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  socketIdleMs: 30_000,
  timeoutCheckIntervalMs: 1_000,
  maxConnections: 64,
  maxSessions: 8,
  maxSocketsPerSession: 16,
  maxUnusedLinks: 8,
  sessionIdleMs: 15 * 60_000,
  maxInFlightPerSocket: 256,
  maxBufferedBytesPerSocket: 64 * 1024 * 1024,
  maxMessageBytes: MAX_WIRE_MESSAGE_BYTES,
};

export function hostLimits(overrides: Partial<HostLimits> = {}): HostLimits {
  const limits = { ...DEFAULT_HOST_LIMITS, ...overrides };
  // Node refuses a headers timeout longer than the request timeout.
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) limits.requestTimeoutMs = limits.headersTimeoutMs;
  return limits;
}
