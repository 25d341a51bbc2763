import type { SeededRandom } from '../../src-main/common/generator';

/**
 * Damaged and hostile versions of real policy files: what a person's editor, a bad merge or an attacker makes of
 * an exported file. Each mutation changes one thing, so a problem it finds is easy to read back.
 */
export function mutatePolicyFile(rng: SeededRandom, source: string): { name: string; text: string } {
  const lines = source.split('\n');
  const at = () => rng.below(lines.length);
  const indentOf = (i: number) => /^ */.exec(lines[i] ?? '')?.[0] ?? '';
  const insert = (text: string) => {
    const i = at();
    return [...lines.slice(0, i), `${indentOf(i)}${text}`, ...lines.slice(i)].join('\n');
  };
  const mutations: Array<readonly [string, () => string, number]> = [
    ['flip a character', () => flip(rng, source), 6],
    ['delete a line', () => lines.filter((_, i) => i !== at()).join('\n'), 5],
    ['duplicate a line', () => { const i = at(); return [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join('\n'); }, 5],
    ['swap two lines', () => { const copy = [...lines]; const [i, j] = [at(), at()]; [copy[i], copy[j]] = [copy[j]!, copy[i]!]; return copy.join('\n'); }, 3],
    ['indent a line', () => lines.map((l, i) => (i === at() ? `${rng.pick(['  ', '    ', '\t'])}${l}` : l)).join('\n'), 4],
    ['dedent a line', () => lines.map((l, i) => (i === at() ? l.replace(/^ {1,2}/, '') : l)).join('\n'), 4],
    ['truncate', () => source.slice(0, rng.below(source.length)), 3],
    ['change a number', () => source.replace(/\b\d+\b/, () => String(rng.pick([-1, 0, 6, 2 ** 31, 2 ** 53 + 1, 1e308, 0.5]))), 3],
    ['change a value', () => source.replace(/: (\S+)$/m, (_m) => `: ${rng.pick(['null', '~', '[]', '{}', 'true', '"', "'", '*x', '&x', '!!binary AAAA', '|', '>'])}`), 4],
    ['add an anchor and alias', () => insert('x: &a [1, 2, 3]\ny: *a'), 2],
    ['add an alias bomb', () => `${billionLaughs()}\n${source}`, 1],
    ['add an unknown tag', () => insert(`t: ${rng.pick(['!!js/function "f(){}"', '!!python/object:os.system ls', '!custom x', '!!set {a, b}', '!!omap [a: 1]'])}`), 2],
    ['add a merge key', () => insert('<<: {format: x, kind: draft}'), 1],
    ['add a complex key', () => insert('? [a, b]\n: c'), 1],
    ['add a directive', () => `${rng.pick(['%YAML 1.1', '%TAG ! tag:x,2000:', '%FOO bar'])}\n---\n${source}`, 1],
    ['add a second document', () => `${source}\n---\n${source}`, 1],
    ['repeat a key', () => insert('format: gatehouse-policy/1'), 2],
    ['a wide mapping', () => `${source}\nwide:\n${Array.from({ length: rng.pick([900, 1_200, 30_000]) }, (_, i) => `  k${i}: ${i}`).join('\n')}`, 1],
    ['a wide flow mapping', () => `${source}\nwide: {${Array.from({ length: rng.pick([900, 1_200, 5_000]) }, (_, i) => `k${i}: ${i}`).join(', ')}}`, 1],
    ['deep nesting', () => `${source}\ndeep: ${'['.repeat(rng.pick([50, 70, 10_000]))}${']'.repeat(rng.pick([50, 70, 10_000]))}`, 1],
    ['a very long line', () => insert(`long: ${'x'.repeat(rng.pick([10_000, 500_000]))}`), 1],
    ['CRLF line ends', () => source.replace(/\n/g, '\r\n'), 1],
    ['a byte-order mark', () => `\ufeff${source}`, 1],
    ['control characters', () => insert(`c: "${rng.pick(['\u0000', '\u0007', '\u001b[31m', '\ud800', '\u202e'])}"`), 2],
    ['not YAML at all', () => rng.pick(['', '\n', '{', '[', '"', '- - -', ': :', JSON.stringify({ format: 'gatehouse-policy/1' }), '\u0000'.repeat(10)]), 1],
  ];
  const [name, make] = rng.weighted(mutations.map(([n, f, w]) => [[n, f] as const, w] as const));
  return { name, text: make() };
}

function flip(rng: SeededRandom, source: string): string {
  if (source.length === 0) return 'x';
  const i = rng.below(source.length);
  const replacement = rng.pick([':', '-', ' ', '\n', '#', '"', "'", '[', '{', '&', '*', '!', '|', '>', '%', '@', '`', 'x', '0']);
  return source.slice(0, i) + replacement + source.slice(i + 1);
}

function billionLaughs(): string {
  const rows = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 9; i++) rows.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
  return rows.join('\n');
}
