/** `access.heatmap` sends scopes as base64 of a row-major Uint8Array. */
export function decodeScopes(base64: string): Uint8Array {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

type ScopeDigit = 0 | 1 | 2 | 3 | 4 | 5;
const clamp = (s: number) => Math.max(0, Math.min(5, s)) as ScopeDigit;

/** The shared message key of a scope's name (`scope.0` no access … `scope.5` everyone). */
export const scopeKey = (s: number) => `scope.${clamp(s)}` as const;
/** The key of a scope's one-letter glyph in `scopeGlyphs`. */
export const glyphKey = (s: number) => `g${clamp(s)}` as const;
