import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalJson, entryHash } from './auditCanonical';

describe('audit canonical form', () => {
  it('sorts keys at every level so equal details hash equally', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ y: 1, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"x":2,"y":1}]},"b":1}');
    const entry = (details: unknown) => entryHash({ at: 't', actor: 'a', action: 'x', details: canonicalJson(details), prevHash: GENESIS_HASH });
    expect(entry({ a: 1, b: 2 })).toBe(entry({ b: 2, a: 1 }));
    expect(entry({ a: 1, b: 2 })).not.toBe(entry({ a: 1, b: 3 }));
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });
});
