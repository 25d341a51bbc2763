import { describe, expect, it } from 'vitest';
import { readWireRequest } from './wire';

describe('reading a WebSocket request', () => {
  it('passes a well-formed request on', () => {
    expect(readWireRequest('{"id":7,"channel":"app.info","input":{}}')).toEqual({ kind: 'request', request: { id: 7, channel: 'app.info', input: {} } });
  });

  it('answers a malformed request whose id is readable, instead of closing the socket', () => {
    for (const text of ['{"id":3,"channel":"app.info"}', '{"id":3,"input":{}}', '{"id":3,"channel":5,"input":{}}', '{"id":3,"channel":"app.info","input":{},"extra":1}', `{"id":3,"channel":"${'x'.repeat(65)}","input":{}}`]) {
      const read = readWireRequest(text);
      expect(read, text).toMatchObject({ kind: 'invalid', id: 3, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('gives up on what has no id to answer', () => {
    for (const text of ['{not json', '[]', 'null', '42', '"x"', '{"channel":"app.info","input":{}}', '{"id":-1,"channel":"app.info","input":{}}', '{"id":1.5,"channel":"a","input":{}}', '{"id":"1","channel":"a","input":{}}', '{"id":1e300,"channel":"a","input":{}}']) {
      expect(readWireRequest(text).kind, text).toBe('unreadable');
    }
  });

  it('never echoes the values it refused', () => {
    const read = readWireRequest('{"id":1,"channel":{"secret":"hunter2"},"input":{}}');
    expect(JSON.stringify(read)).not.toContain('hunter2');
  });
});
