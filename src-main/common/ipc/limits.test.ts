import { describe, expect, it } from 'vitest';
import { contract } from './contract';
import { MAX_POLICY_FILE_BYTES, MAX_WIRE_MESSAGE_BYTES, utf8ByteLength } from './limits';

const encoder = new TextEncoder();

describe('size limits in bytes', () => {
  it('counts UTF-8 bytes exactly as the encoder does', () => {
    for (const text of ['', 'kind: draft', '客户管理', 'é', '😀 emoji', 'a\u0000b', '\ud800 lone', 'end \udc00', 'x'.repeat(1000) + '权限']) {
      expect(utf8ByteLength(text), JSON.stringify(text)).toBe(encoder.encode(text).length);
    }
  });

  it('the contract refuses a policy file over the byte limit even when it has few characters (3M Chinese characters = 9 MB)', () => {
    const input = contract['policy.import'].input;
    const cjk = '权'.repeat(3_000_000);
    expect(cjk.length).toBeLessThan(MAX_POLICY_FILE_BYTES);
    expect(input.safeParse({ text: cjk }).success).toBe(false);
    expect(input.safeParse({ text: 'a'.repeat(MAX_POLICY_FILE_BYTES) }).success).toBe(true);
    expect(input.safeParse({ text: 'a'.repeat(MAX_POLICY_FILE_BYTES + 1) }).success).toBe(false);
    expect(input.safeParse({ text: '权'.repeat(Math.floor(MAX_POLICY_FILE_BYTES / 3)) }).success).toBe(true);
  });

  it('the socket takes any file the contract takes, as JSON, even one made of quotes and line breaks', () => {
    const worst = JSON.stringify({ id: Number.MAX_SAFE_INTEGER, channel: 'policy.import', input: { text: '"\n'.repeat(MAX_POLICY_FILE_BYTES / 2) } });
    expect(utf8ByteLength(worst)).toBeLessThanOrEqual(MAX_WIRE_MESSAGE_BYTES);
  });
});
