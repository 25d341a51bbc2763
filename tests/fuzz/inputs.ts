import { z } from 'zod';
import type { SeededRandom } from '../../src-main/common/generator';
import { type ChannelName, contract } from '../../src-main/common/ipc';

/** The part of JSON Schema `z.toJSONSchema` writes for the contract's inputs. */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
  default?: unknown;
  format?: string;
}

const schemas = new Map<ChannelName, JsonSchema>();
function schemaOf(channel: ChannelName): JsonSchema {
  let schema = schemas.get(channel);
  if (!schema) {
    schema = z.toJSONSchema(contract[channel].input, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
    schemas.set(channel, schema);
  }
  return schema;
}

/**
 * Ids the host has answered with (role, user, draft, permission ids…), by the field name they came under, so a
 * generated call names things that exist often enough to get past the "not found" checks into the handlers.
 */
export class IdPool {
  readonly #byField = new Map<string, string[]>();

  learn(value: unknown, field = '', depth = 0): void {
    if (depth > 8) return;
    if (typeof value === 'string') {
      if (/id$/i.test(field) && value.length <= 128) this.#add(field.replace(/s$/, ''), value);
    } else if (Array.isArray(value)) {
      for (const item of value.slice(0, 50)) this.learn(item, field.replace(/s$/, ''), depth + 1);
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) this.learn(inner, key === 'id' && field ? `${field}Id` : key, depth + 1);
    }
  }

  #add(field: string, value: string): void {
    const list = this.#byField.get(field) ?? [];
    if (list.length < 200 && !list.includes(value)) list.push(value);
    this.#byField.set(field, list);
  }

  pick(rng: SeededRandom, field: string): string | undefined {
    const list = this.#byField.get(field.replace(/s$/, ''));
    return list && list.length > 0 ? rng.pick(list) : undefined;
  }
}

/** Strings that have broken parsers, paths and renderers somewhere. */
const NASTY_STRINGS = [
  '', ' ', 'Demo', 'demo', '../x', '..\\x', '/etc/passwd', 'a/b', 'C:\\x', '\u0000', 'x\u0000y', '%00', '%2e%2e%2f',
  '\u202e', '\ud800', '😀', '销售员角色', 'a'.repeat(129), 'a'.repeat(5_000), '<script>alert(1)</script>', "'; DROP TABLE drafts;--",
  '${jndi:ldap://127.0.0.1:9/a}', '__proto__', 'constructor', 'toString', 'null', 'undefined', 'NaN', '-1', '1e309',
  'http://127.0.0.1:9/', 'file:///etc/passwd', 'javascript:alert(1)', '\r\n\r\nX: y', '*', '%s%s%s', '\\', '"', '{}',
];
const NASTY_NUMBERS = [0, -1, 1, 2, 5, 6, 255, 256, -0.5, 0.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 53), 1e308, Number.MAX_SAFE_INTEGER];

/** Any URL in a generated call points at a closed port on this machine: the fuzzer never leaves loopback. */
export const LOOPBACK_URL = 'http://127.0.0.1:9/';

function loopbackOnly(value: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? LOOPBACK_URL : value;
}

/** A value the schema accepts, as far as JSON Schema can say (refinements aside), with ids from the pool. */
export function validLike(rng: SeededRandom, schema: JsonSchema, pool: IdPool, field = '', depth = 0): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return rng.pick(schema.enum);
  const choices = schema.oneOf ?? schema.anyOf;
  if (choices && choices.length > 0) return validLike(rng, rng.pick(choices), pool, field, depth);
  if (schema.allOf && schema.allOf.length > 0) return validLike(rng, schema.allOf[0]!, pool, field, depth);
  const type = Array.isArray(schema.type) ? rng.pick(schema.type) : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(schema.properties ?? {})) {
        if ((schema.required ?? []).includes(key) || rng.chance(0.5)) out[key] = validLike(rng, inner, pool, key, depth + 1);
      }
      return out;
    }
    case 'array': {
      const min = schema.minItems ?? 0;
      const max = Math.min(schema.maxItems ?? 4, min + 4);
      const n = rng.int(min, Math.max(min, max));
      const items = schema.items ?? {};
      return depth > 6 ? [] : Array.from({ length: n }, () => validLike(rng, items, pool, field, depth + 1));
    }
    case 'string': {
      if (schema.format === 'uri') return LOOPBACK_URL;
      const known = /id$|ids$/i.test(field) ? pool.pick(rng, field) : undefined;
      if (known !== undefined && rng.chance(0.85)) return known;
      const min = schema.minLength ?? 0;
      const max = Math.min(schema.maxLength ?? 24, min + 24);
      const length = rng.int(Math.max(min, 1), Math.max(min, max, 1));
      return rng.chance(0.2) ? '销售'.repeat(Math.ceil(length / 2)).slice(0, length) : randomWord(rng, length);
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 0;
      const max = schema.maximum ?? min + 10;
      return rng.int(Math.ceil(min), Math.floor(Math.min(max, min + 1_000)));
    }
    case 'boolean':
      return rng.chance(0.5);
    case 'null':
      return null;
    default:
      return rng.pick([null, 1, 'x', {}, []]);
  }
}

function randomWord(rng: SeededRandom, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += String.fromCharCode(97 + rng.below(26));
  return s;
}

/** Something broken in one place: the kind of input a buggy or hostile client sends. */
export function mutate(rng: SeededRandom, value: unknown, depth = 0): unknown {
  const here = depth > 4 || value === null || typeof value !== 'object' || rng.chance(0.3);
  if (!here) {
    if (Array.isArray(value)) {
      if (value.length === 0) return [mutate(rng, null, depth + 1)];
      const copy = [...value];
      const i = rng.below(copy.length);
      copy[i] = mutate(rng, copy[i], depth + 1);
      return copy;
    }
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    if (keys.length === 0) return { [rng.pick(NASTY_STRINGS)]: mutate(rng, null, depth + 1) };
    const key = rng.pick(keys);
    copy[key] = mutate(rng, copy[key], depth + 1);
    return copy;
  }
  return rng.weighted<() => unknown>([
    [() => rng.pick(NASTY_STRINGS), 5],
    [() => rng.pick(NASTY_NUMBERS), 3],
    [() => null, 2],
    [() => undefined, 2], // dropped by JSON: a missing field
    [() => (typeof value === 'object' && value && !Array.isArray(value) ? { ...value, [rng.pick(['extra', '__proto__', 'constructor'])]: 1 } : {}), 2],
    [() => (typeof value === 'string' ? value.repeat(rng.int(2, 200)) : [value, value]), 2],
    [() => Array.from({ length: rng.pick([1_000, 20_000]) }, () => (typeof value === 'string' ? value : 'x')), 1],
    [() => nested(rng.int(20, 3_000)), 1],
    [() => (Array.isArray(value) ? {} : [value]), 2],
    [() => true, 1],
  ])();
}

function nested(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

/** One call's input: mostly plausible, often broken, every URL on loopback. */
export function inputFor(rng: SeededRandom, channel: ChannelName, pool: IdPool): unknown {
  // Mutations add no URL but the loopback one, so only the plausible part needs pointing at loopback.
  const plausible = sanitize(validLike(rng, schemaOf(channel), pool));
  return rng.chance(0.55) ? plausible : mutate(rng, plausible);
}

function sanitize(value: unknown): unknown {
  if (typeof value === 'string') return loopbackOnly(value);
  if (Array.isArray(value)) return value.map(sanitize);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitize(v)]));
  return value;
}

/** Whether the contract accepts it: the fuzzer sends disruptive channels only inputs it refuses. */
export function contractAccepts(channel: ChannelName, input: unknown): boolean {
  return contract[channel].input.safeParse(input).success;
}
