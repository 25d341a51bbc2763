import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateOrganisation } from '../../common/generator';
import { loadBundledCatalogue } from '../resources';
import { readPolicyFile } from './readPolicyFile';
import { MAX_KEYS_PER_MAPPING, MAX_NESTING, parsedStructureProblem, textStructureProblem } from './structureLimits';
import { writeSnapshotFile } from './writePolicyFile';

const header = 'format: gatehouse-policy/1\nkind: draft\nname: x\nbaseVersion: 1\ngestures: []\n';
const manyKeys = (n: number, indent = '  ') => Array.from({ length: n }, (_, i) => `${indent}k${i}: ${i}\n`).join('');

function parsed(source: string) {
  const counter = new LineCounter();
  return parsedStructureProblem(parseDocument(source, { lineCounter: counter, uniqueKeys: false }), counter);
}

describe('a file with one very wide mapping', () => {
  it('is refused from the text alone, before the parser runs, at the line where it passes the limit', () => {
    // 50,000 keys (780 KB): with the parser's own unique-key check this froze the main process for minutes.
    const source = `${header}extra:\n${manyKeys(50_000)}`;
    const problem = textStructureProblem(source);
    expect(problem).toMatchObject({ line: 6 + 1 + MAX_KEYS_PER_MAPPING, column: 3 });
    expect(problem!.message.en).toMatch(/more than 1,000 keys/);
    expect(problem!.message['zh-CN']).toMatch(/超过 1,000 个键/);
    const read = readPolicyFile(source);
    expect(read).toEqual({ ok: false, problems: [problem] });
  });

  it('written in flow style, slips past the text check and is refused after the parse', () => {
    const flow = `${header}extra: {${Array.from({ length: MAX_KEYS_PER_MAPPING + 1 }, (_, i) => `k${i}: ${i}`).join(', ')}}\n`;
    expect(textStructureProblem(flow)).toBeNull();
    expect(parsed(flow)).toMatchObject({ line: 6 });
    const read = readPolicyFile(flow);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]!.message.en).toMatch(/more than 1,000 keys/);
  });

  it('at exactly the limit is not refused for its width', () => {
    const source = `${header}extra:\n${manyKeys(MAX_KEYS_PER_MAPPING)}`;
    expect(textStructureProblem(source)).toBeNull();
    expect(parsed(source)).toBeNull();
  });
});

describe('the text check never counts more keys than a mapping has', () => {
  it('skips block-scalar content that looks like keys', () => {
    for (const opener of ['|', '>-', '|2+', '| # note']) {
      const source = `${header}notes: ${opener}\n${manyKeys(MAX_KEYS_PER_MAPPING + 5, '    ')}after: 1\n`;
      expect(textStructureProblem(source), opener).toBeNull();
      const inList = `${header}notes:\n  - ${opener}\n${manyKeys(MAX_KEYS_PER_MAPPING + 5, '    ')}`;
      expect(textStructureProblem(inList), `list ${opener}`).toBeNull();
    }
  });

  it('starts a new mapping at each sequence item, nested or not', () => {
    const items = Array.from({ length: 2_000 }, (_, i) => `  - id: u${i}\n    name: n${i}\n    roles:\n      - - a: 1\n          b: 2\n`).join('');
    expect(textStructureProblem(`${header}users:\n${items}`)).toBeNull();
  });

  it('counts sibling mappings under different parents separately', () => {
    const parents = Array.from({ length: 3 }, (_, p) => `p${p}:\n${manyKeys(600)}`).join('');
    expect(textStructureProblem(parents)).toBeNull();
  });

  it('passes a real 2,000-person snapshot export', () => {
    const snapshot = generateOrganisation(loadBundledCatalogue(), { seed: 7, users: 2_000, departments: 120, customRoles: 30 });
    const source = writeSnapshotFile(snapshot, 1, 'zh-CN');
    expect(textStructureProblem(source)).toBeNull();
    expect(readPolicyFile(source).ok).toBe(true);
  });
});

describe('keys after the parse', () => {
  it('reports a duplicate key at its second occurrence, in both languages', () => {
    const source = `${header}name: again\n`;
    const read = readPolicyFile(source);
    expect(read).toEqual({ ok: false, problems: [expect.objectContaining({ line: 6, column: 1 })] });
    if (!read.ok) {
      expect(read.problems[0]!.message.en).toBe('Key "name" appears twice in the same mapping');
      expect(read.problems[0]!.message['zh-CN']).toContain('出现了两次');
    }
  });

  it('treats keys that read the same as the same key (1 and "1")', () => {
    expect(parsed('a:\n  1: x\n  "1": y\n')).toMatchObject({ line: 3 });
  });

  it('refuses a list or a mapping used as a key', () => {
    expect(parsed('? [a, b]\n: 1\n')!.message.en).toMatch(/plain name/);
    expect(parsed('{a: 1}: 2\n')!.message.en).toMatch(/plain name/);
  });

  it('refuses nesting deeper than any policy file, without exhausting the stack', () => {
    const deep = `a: ${'['.repeat(MAX_NESTING + 5)}${']'.repeat(MAX_NESTING + 5)}\n`;
    expect(parsed(deep)!.message.en).toMatch(/Nested more than/);
    const veryDeep = `a: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`;
    expect(readPolicyFile(veryDeep).ok).toBe(false);
    const block = Array.from({ length: MAX_NESTING + 2 }, (_, i) => `${' '.repeat(i)}k:\n`).join('');
    expect(textStructureProblem(block)!.message.en).toMatch(/Nested more than/);
  });
});
