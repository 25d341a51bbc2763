/**
 * The few PHP 7 semantics the WukongCRM PHP controllers lean on, so the emulator's handlers can read like
 * the PHP they reproduce: request values are PHP values (JSON decoded with `json_decode($x, true)`, or form
 * strings), `empty()`, loose `==`, `array_unique`/`array_filter`, `serialize()`/`unserialize()`, and the
 * helpers `arrayToString` / `stringToArray` of `application/common.php`.
 *
 * A PHP array is represented by a JS array (a list) or a plain object (keys in JS order: PHP's insertion
 * order is lost for integer-like keys of an object, a corner no endpoint here depends on).
 */

export type PhpValue = null | boolean | number | string | PhpValue[] | { [key: string]: PhpValue };
export type PhpArray = PhpValue[] | { [key: string]: PhpValue };
export type Params = { [key: string]: PhpValue };

export function isPhpArray(value: unknown): value is PhpArray {
  return value !== null && typeof value === 'object';
}

/** `array_values()` of a PHP array (lists as they are). */
export function phpValues(value: PhpArray): PhpValue[] {
  return Array.isArray(value) ? value : Object.values(value);
}

/** `empty($x)`: null, false, 0, 0.0, "", "0" and the empty array (an absent key is `undefined` → empty too). */
export function phpEmpty(value: PhpValue | undefined): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '' || value === '0') return true;
  if (typeof value === 'number') return Number.isNaN(value) ? false : value === 0;
  if (isPhpArray(value)) return phpValues(value).length === 0 && (Array.isArray(value) || Object.keys(value).length === 0);
  return false;
}

/** `if ($x)`: the negation of `empty()`. */
export const phpTruthy = (value: PhpValue | undefined): boolean => !phpEmpty(value);

/** PHP 7 `is_numeric()` for a string: optional whitespace, sign, digits with an optional fraction/exponent. */
export function isNumericString(value: string): boolean {
  return /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value);
}

export function phpIsNumeric(value: PhpValue | undefined): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && isNumericString(value);
}

/** `(int)$x`: leading number of a string (PHP 7.1+ reads "1e3" as 1000), floats truncated, arrays 0/1. */
export function phpInt(value: PhpValue | undefined): number {
  if (value === undefined || value === null || value === false) return 0;
  if (value === true) return 1;
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : 0;
  if (typeof value === 'string') {
    const m = /^[ \t\n\r\v\f]*([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)/.exec(value);
    return m ? Math.trunc(Number(m[1])) : 0;
  }
  return phpValues(value).length > 0 ? 1 : 0;
}

/** `(string)$x` for scalars (arrays become "Array", with a notice PHP does not report here). */
export function phpString(value: PhpValue | undefined): string {
  if (value === undefined || value === null || value === false) return '';
  if (value === true) return '1';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'string') return value;
  return 'Array';
}

/**
 * PHP 7 loose `==` between scalars (enough for the comparisons the controllers make: ids, types, status):
 * `null == ""` and `null == 0` are true, `null == "0"` is false, `0 == "a"` is true, `"1" == "01"` is true.
 */
export function phpLooseEquals(a: PhpValue | undefined, b: PhpValue | undefined): boolean {
  const x = a === undefined ? null : a;
  const y = b === undefined ? null : b;
  if (isPhpArray(x) || isPhpArray(y)) return JSON.stringify(x) === JSON.stringify(y);
  if (x === null && y === null) return true;
  if (typeof x === 'boolean' || typeof y === 'boolean') return phpTruthy(x) === phpTruthy(y);
  if (x === null) return typeof y === 'string' ? y === '' : !phpTruthy(y);
  if (y === null) return typeof x === 'string' ? x === '' : !phpTruthy(x);
  if (typeof x === 'number' && typeof y === 'number') return x === y;
  if (typeof x === 'string' && typeof y === 'string') {
    if (isNumericString(x) && isNumericString(y)) return Number(x) === Number(y);
    return x === y;
  }
  // number vs string (PHP 7): the string is read as a number, its leading number or 0 (0 == "abc", 1 == "1abc").
  const num = typeof x === 'number' ? x : (y as number);
  const str = typeof x === 'string' ? x : (y as string);
  return phpLeadingNumber(str) === num;
}

function phpLeadingNumber(value: string): number {
  const m = /^[ \t\n\r\v\f]*([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)/.exec(value);
  return m ? Number(m[1]) : 0;
}

/** `in_array($needle, $haystack)` (loose). */
export function phpInArray(needle: PhpValue | undefined, haystack: readonly PhpValue[]): boolean {
  return haystack.some((v) => phpLooseEquals(needle, v));
}

/** `array_filter($a)` without a callback: drops every empty() element (keys kept, here: order kept). */
export function phpArrayFilter(values: readonly PhpValue[]): PhpValue[] {
  return values.filter((v) => !phpEmpty(v));
}

/** `array_unique($a)`: first occurrence wins, compared as strings (SORT_STRING). */
export function phpArrayUnique(values: readonly PhpValue[]): PhpValue[] {
  const seen = new Set<string>();
  const out: PhpValue[] = [];
  for (const v of values) {
    const key = isPhpArray(v) ? 'Array' : phpString(v);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}

/**
 * `arrayToString($array)` (application/common.php): a scalar is wrapped, empties dropped, duplicates
 * dropped, then `,a,b,` — or '' when nothing is left.
 */
export function arrayToString(value: PhpValue | undefined): string {
  const list = isPhpArray(value) ? phpValues(value) : [value === undefined ? null : value];
  const kept = phpArrayUnique(phpArrayFilter(list));
  return kept.length ? `,${kept.map((v) => (isPhpArray(v) ? 'Array' : phpString(v))).join(',')},` : '';
}

/** `stringToArray($string)` (application/common.php): split on ',', empties and "0" dropped, deduplicated. */
export function stringToArray(value: PhpValue | undefined): PhpValue[] {
  if (isPhpArray(value)) return phpArrayUnique(phpArrayFilter(phpValues(value)));
  if (phpEmpty(value)) return [];
  return phpArrayUnique(phpArrayFilter(phpString(value).split(',')));
}

// ---------------------------------------------------------------------------------------------------
// serialize() / unserialize(): admin_field_grant.content is stored serialized (FieldGrantLogic.php).

const utf8Length = (s: string) => Buffer.byteLength(s, 'utf8');

function isList(value: PhpArray): boolean {
  return Array.isArray(value);
}

export function phpSerialize(value: PhpValue | undefined): string {
  if (value === undefined || value === null) return 'N;';
  if (typeof value === 'boolean') return `b:${value ? 1 : 0};`;
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER ? `i:${value};` : `d:${value};`;
  if (typeof value === 'string') return `s:${utf8Length(value)}:"${value}";`;
  const entries: [string | number, PhpValue][] = isList(value)
    ? (value as PhpValue[]).map((v, i) => [i, v])
    : Object.entries(value).map(([k, v]) => [/^(0|-?[1-9]\d*)$/.test(k) && Math.abs(Number(k)) <= Number.MAX_SAFE_INTEGER ? Number(k) : k, v]);
  const body = entries.map(([k, v]) => (typeof k === 'number' ? `i:${k};` : `s:${utf8Length(k)}:"${k}";`) + phpSerialize(v)).join('');
  return `a:${entries.length}:{${body}}`;
}

/** The inverse of `phpSerialize`; arrays with keys 0..n-1 in order come back as lists. Throws on bad input. */
export function phpUnserialize(text: string): PhpValue {
  const bytes = Buffer.from(text, 'utf8');
  let pos = 0;
  const expect = (ch: string) => {
    if (String.fromCharCode(bytes[pos] ?? 0) !== ch) throw new Error(`unserialize: expected '${ch}' at ${pos}`);
    pos++;
  };
  const readUntil = (ch: string) => {
    const end = bytes.indexOf(ch.charCodeAt(0), pos);
    if (end < 0) throw new Error(`unserialize: missing '${ch}'`);
    const s = bytes.subarray(pos, end).toString('utf8');
    pos = end + 1;
    return s;
  };
  const parse = (): PhpValue => {
    const type = String.fromCharCode(bytes[pos] ?? 0);
    pos++;
    switch (type) {
      case 'N':
        expect(';');
        return null;
      case 'b':
        expect(':');
        return readUntil(';') === '1';
      case 'i':
        expect(':');
        return Number(readUntil(';'));
      case 'd':
        expect(':');
        return Number(readUntil(';'));
      case 's': {
        expect(':');
        const len = Number(readUntil(':'));
        expect('"');
        const s = bytes.subarray(pos, pos + len).toString('utf8');
        pos += len;
        expect('"');
        expect(';');
        return s;
      }
      case 'a': {
        expect(':');
        const count = Number(readUntil(':'));
        expect('{');
        const keys: (string | number)[] = [];
        const values: PhpValue[] = [];
        for (let i = 0; i < count; i++) {
          const key = parse();
          keys.push(typeof key === 'number' ? key : String(key));
          values.push(parse());
        }
        expect('}');
        if (keys.every((k, i) => k === i)) return values;
        return Object.fromEntries(keys.map((k, i) => [String(k), values[i] ?? null]));
      }
      default:
        throw new Error(`unserialize: unknown type '${type}' at ${pos - 1}`);
    }
  };
  const value = parse();
  if (pos !== bytes.length) throw new Error('unserialize: trailing data');
  return value;
}

// ---------------------------------------------------------------------------------------------------
// Request parameters as PHP builds them.

/**
 * PHP's parsing of `a=1&b[]=2&c[x]=3` (query strings and urlencoded bodies): bracket keys build nested
 * arrays, `[]` appends, '.' and ' ' in the top-level name become '_'.
 */
export function parsePhpQuery(text: string): Params {
  const out: Params = {};
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const decode = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    const rawKey = decode(eq < 0 ? part : part.slice(0, eq));
    const value = decode(eq < 0 ? '' : part.slice(eq + 1));
    const open = rawKey.indexOf('[');
    const base = (open > 0 ? rawKey.slice(0, open) : rawKey).replace(/[. ]/g, '_');
    if (base === '') continue;
    const subkeys: string[] = [];
    if (open > 0) {
      const re = /\[([^\]]*)\]/gy;
      re.lastIndex = open;
      let m: RegExpExecArray | null;
      while ((m = re.exec(rawKey))) subkeys.push(m[1] ?? '');
    }
    if (subkeys.length === 0) {
      out[base] = value;
      continue;
    }
    let container: PhpValue = out;
    let key: string = base;
    for (const sub of subkeys) {
      const parent = container as { [k: string]: PhpValue } | PhpValue[];
      let next = (parent as Record<string, PhpValue>)[key];
      if (!isPhpArray(next)) {
        next = sub === '' ? [] : {};
        (parent as Record<string, PhpValue>)[key] = next;
      }
      if (sub === '') {
        if (Array.isArray(next)) {
          key = String(next.length);
        } else {
          const nums = Object.keys(next).filter((k) => /^\d+$/.test(k)).map(Number);
          key = String(nums.length ? Math.max(...nums) + 1 : 0);
        }
      } else if (Array.isArray(next) && !(/^\d+$/.test(sub) && Number(sub) === next.length)) {
        const asObject: Record<string, PhpValue> = Object.fromEntries(next.map((v, i) => [String(i), v]));
        (parent as Record<string, PhpValue>)[key] = asObject;
        next = asObject;
        key = sub;
      } else {
        key = sub;
      }
      container = next;
    }
    (container as Record<string, PhpValue>)[key] = value;
  }
  return out;
}

/** `json_decode($body, true)` then `(array)`: invalid JSON → []; a scalar → [scalar]; a list → keys 0..n-1. */
export function jsonBodyParams(raw: string): Params {
  let decoded: unknown;
  try {
    decoded = JSON.parse(raw);
  } catch {
    return {};
  }
  if (decoded === null || decoded === undefined) return {};
  if (Array.isArray(decoded)) return Object.fromEntries(decoded.map((v, i) => [String(i), v as PhpValue]));
  if (typeof decoded === 'object') return decoded as Params;
  return { '0': decoded as PhpValue };
}
