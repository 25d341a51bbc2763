import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDataKey } from '../keys/dataKey';
import { readAnchor, writeAnchor, type AnchorRecord } from './anchorFile';
import { deriveAnchorKey } from './anchorKey';

const record: AnchorRecord = { head: { seq: 4, hash: 'a'.repeat(64) }, pending: { seq: 5, hash: 'b'.repeat(64) } };

describe('the anchor file', () => {
  let dir: string;
  let path: string;
  const key = deriveAnchorKey(generateDataKey());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-anchorfile-'));
    path = join(dir, 'w.gatehouse.anchor');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back what was written, owner-only, with no temporary file left', () => {
    writeAnchor(path, record, [key], { durable: true });
    expect(readAnchor(path, key)).toEqual({ status: 'ok', record });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(() => statSync(`${path}.tmp`)).toThrow();
    writeAnchor(path, { head: record.head }, [key], { durable: false });
    expect(readAnchor(path, key)).toEqual({ status: 'ok', record: { head: record.head } });
  });

  it('is missing when there is no file', () => {
    expect(readAnchor(path, key)).toEqual({ status: 'missing' });
  });

  it('is invalid when edited, written under another workspace key, or not an anchor at all', () => {
    writeAnchor(path, record, [key], { durable: false });
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('"seq":4', '"seq":3'));
    expect(readAnchor(path, key)).toEqual({ status: 'invalid' });
    writeFileSync(path, text.replace('"pending":{"seq":5', '"pending":{"seq":6'));
    expect(readAnchor(path, key)).toEqual({ status: 'invalid' });

    writeAnchor(path, record, [deriveAnchorKey(generateDataKey())], { durable: false });
    expect(readAnchor(path, key)).toEqual({ status: 'invalid' });
    writeFileSync(path, '{"format":1');
    expect(readAnchor(path, key)).toEqual({ status: 'invalid' });
  });

  it('during a rekey carries a MAC under each key, and either key reads it', () => {
    const next = deriveAnchorKey(generateDataKey());
    writeAnchor(path, record, [next, key], { durable: true });
    expect(readAnchor(path, key).status).toBe('ok');
    expect(readAnchor(path, next).status).toBe('ok');
  });

  it('derives a MAC key that is neither the data key nor the same for two workspaces', () => {
    const dataKey = generateDataKey();
    expect(deriveAnchorKey(dataKey).equals(dataKey)).toBe(false);
    expect(deriveAnchorKey(dataKey).equals(deriveAnchorKey(Buffer.from(dataKey)))).toBe(true);
    expect(deriveAnchorKey(dataKey).equals(deriveAnchorKey(generateDataKey()))).toBe(false);
  });
});
