import { randomBytes } from 'node:crypto';
import type net from 'node:net';
import { connectRaw } from './hostClient';

/** One WebSocket frame as a client would write it, right or (on purpose) wrong. */
export interface FrameSpec {
  opcode: number;
  payload?: Buffer;
  fin?: boolean;
  /** RSV1..3 as three bits (4 = RSV1). */
  rsv?: number;
  masked?: boolean;
  /** Length written in the header instead of the payload's (for oversized frames: the payload is not sent). */
  declaredLength?: bigint;
}

const MASK = Buffer.from([0x37, 0xfa, 0x21, 0x3d]);

export function frame(spec: FrameSpec): Buffer {
  const payload = spec.payload ?? Buffer.alloc(0);
  const masked = spec.masked ?? true;
  const length = spec.declaredLength ?? BigInt(payload.length);
  const first = ((spec.fin ?? true) ? 0x80 : 0) | ((spec.rsv ?? 0) << 4) | spec.opcode;
  const maskBit = masked ? 0x80 : 0;
  let header: Buffer;
  if (length < 126n) header = Buffer.from([first, maskBit | Number(length)]);
  else if (length < 65536n) {
    header = Buffer.alloc(4);
    header.writeUInt8(first, 0);
    header.writeUInt8(maskBit | 126, 1);
    header.writeUInt16BE(Number(length), 2);
  } else {
    header = Buffer.alloc(10);
    header.writeUInt8(first, 0);
    header.writeUInt8(maskBit | 127, 1);
    header.writeBigUInt64BE(length, 2);
  }
  if (!masked) return Buffer.concat([header, payload]);
  const body = Buffer.from(payload.map((byte, i) => byte ^ MASK[i % 4]!));
  return Buffer.concat([header, MASK, body]);
}

export const closePayload = (code: number, reason: Buffer = Buffer.alloc(0)) => {
  const head = Buffer.alloc(2);
  head.writeUInt16BE(code);
  return Buffer.concat([head, reason]);
};

export interface RawWebSocket {
  socket: net.Socket;
  /** The first close frame the host sends (its code), or null if it drops the connection without one. */
  closeCode: Promise<number | null>;
}

/** Opens /ws by hand over TCP (so that any bytes can follow the handshake) and reads the host's frames. */
export async function rawWebSocket(port: number, headers: Record<string, string>): Promise<RawWebSocket> {
  const socket = await connectRaw(port);
  socket.on('error', () => undefined);
  const key = randomBytes(16).toString('base64');
  const lines = [
    'GET /ws HTTP/1.1',
    `Host: 127.0.0.1:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${key}`,
    'Sec-WebSocket-Version: 13',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);

  let buffer = Buffer.alloc(0);
  let upgraded = false;
  let settleOpen!: (error?: Error) => void;
  const open = new Promise<void>((resolve, reject) => (settleOpen = (error) => (error ? reject(error) : resolve())));
  let settleClose!: (code: number | null) => void;
  const closeCode = new Promise<number | null>((resolve) => (settleClose = resolve));

  const readFrames = () => {
    for (;;) {
      if (buffer.length < 2) return;
      const opcode = buffer[0]! & 0x0f;
      let length = buffer[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffer.length < 4) return;
        length = buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffer.length < 10) return;
        length = Number(buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (buffer.length < offset + length) return;
      const payload = buffer.subarray(offset, offset + length);
      buffer = buffer.subarray(offset + length);
      if (opcode === 0x8) settleClose(payload.length >= 2 ? payload.readUInt16BE(0) : 1005);
    }
  };
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    if (!upgraded) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const status = buffer.subarray(0, buffer.indexOf('\r\n')).toString('latin1');
      buffer = buffer.subarray(end + 4);
      if (!/^HTTP\/1\.1 101 /.test(status)) return settleOpen(new Error(status));
      upgraded = true;
      settleOpen();
    }
    readFrames();
  });
  socket.once('close', () => {
    settleOpen(new Error('closed before the upgrade'));
    settleClose(null);
  });
  await open;
  return { socket, closeCode };
}
