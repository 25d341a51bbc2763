import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { FileProblem } from '../../common/ipc';
import { text } from './problemText';

/**
 * The widest mapping a policy file can hold. Every object in the format has fixed fields (the widest, a user or
 * a role, has under 20), and no part of the format is keyed by ids, so a thousand keys in one mapping is never a
 * policy file: it is refused before the YAML parser spends time on it.
 */
export const MAX_KEYS_PER_MAPPING = 1_000;

/** Deeper than any policy file nests (a snapshot is about six levels deep). */
export const MAX_NESTING = 64;

const PLAIN_KEY = /^(?:[^\s#'"[\]{},&*!|>%@`?-]|[?-](?=\S))[^#]*?:(?:\s|$)/;
const DOUBLE_QUOTED_KEY = /^"(?:[^"\\]|\\.)*"[ \t]*:(?:\s|$)/;
const SINGLE_QUOTED_KEY = /^'(?:[^']|'')*'[ \t]*:(?:\s|$)/;
/** A value that opens a block scalar (`|`, `>-`, `|2+`…), optionally followed by a comment. */
const BLOCK_SCALAR_START = /(?:^|[:-][ \t]+)[|>][0-9+-]{0,2}[ \t]*(?:#.*)?$/;

/**
 * A look at the text before parsing, linear in its length: the number of keys of each block mapping, counted
 * from line starts. `yaml`'s parser costs about 1 µs per byte here, so a 200 KB file of 20,000 keys would
 * otherwise be parsed in full before the key check below refuses it.
 *
 * The count errs only towards fewer keys — a mapping written in flow style (`{a: 1, b: 2}`) or with explicit
 * `? ` keys is not counted — never towards more: block-scalar content is skipped, and each sequence item starts
 * a new mapping. What it misses, `parsedStructureProblem` catches after the parse.
 */
export function textStructureProblem(source: string): FileProblem | null {
  // Open block mappings by the column of their keys, innermost last.
  const open: { column: number; keys: number }[] = [];
  let blockScalarParent = -1; // column of the key owning an open block scalar; its content lines are skipped
  let lineNumber = 0;
  for (let start = 0; start <= source.length; ) {
    const end = source.indexOf('\n', start);
    const lineEnd = end === -1 ? source.length : end;
    const line = source.slice(start, lineEnd);
    start = lineEnd + 1;
    lineNumber++;
    let column = 0;
    while (column < line.length && line.charCodeAt(column) === 32) column++;
    if (column === line.length || line[column] === '#' || line[column] === '\r') continue;
    if (blockScalarParent >= 0) {
      if (column > blockScalarParent) continue;
      blockScalarParent = -1;
    }
    if (column === 0 && (line.startsWith('---') || line.startsWith('...'))) {
      open.length = 0;
      continue;
    }
    // `- - key: v`: each dash is a sequence item that closes whatever was opened to its right.
    let fresh = false;
    let owner = column; // what a block scalar on this line belongs to: its key, or else the innermost dash
    while (line[column] === '-' && (column + 1 === line.length || line[column + 1] === ' ' || line[column + 1] === '\t')) {
      close(open, column);
      owner = column;
      column++;
      while (line[column] === ' ' || line[column] === '\t') column++;
      fresh = true;
    }
    const rest = line.slice(column);
    const isKey = PLAIN_KEY.test(rest) || DOUBLE_QUOTED_KEY.test(rest) || SINGLE_QUOTED_KEY.test(rest);
    close(open, isKey ? column : column - 1);
    if (isKey) {
      const current = open.at(-1);
      const mapping = !fresh && current?.column === column ? current : { column, keys: 0 };
      if (mapping !== current) {
        if (current?.column === column) open.pop(); // the previous sequence item's mapping
        open.push(mapping);
      }
      if (++mapping.keys > MAX_KEYS_PER_MAPPING) return tooManyKeys(lineNumber, column + 1);
      if (open.length > MAX_NESTING) return tooDeep(lineNumber, column + 1);
    }
    if (BLOCK_SCALAR_START.test(rest)) blockScalarParent = isKey ? column : owner;
  }
  return null;
}

/** Closes the block mappings whose keys sit to the right of `column`. */
function close(open: { column: number }[], column: number): void {
  while ((open.at(-1)?.column ?? -1) > column) open.pop();
}

/**
 * After the parse, in one pass over the document: keys are plain scalars, unique within their mapping (the
 * parser's own `uniqueKeys` check compares each key with every earlier one: 20,000 keys took 4.5–30 s), no
 * mapping is wider than `MAX_KEYS_PER_MAPPING` and nothing nests deeper than `MAX_NESTING`. Iterative, so a
 * deeply nested file cannot exhaust the stack.
 */
export function parsedStructureProblem(doc: Document, counter: LineCounter): FileProblem | null {
  const at = (offset: number | undefined) => {
    const pos = counter.linePos(offset ?? 0);
    return { line: pos.line, column: pos.col };
  };
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_NESTING) {
      const { line, column } = at(node.range?.[0]);
      return tooDeep(line, column);
    }
    if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
      continue;
    }
    if (node.items.length > MAX_KEYS_PER_MAPPING) {
      const { line, column } = at(node.range?.[0]);
      return tooManyKeys(line, column);
    }
    const seen = new Set<string>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key;
      if (!isScalar(key) || (typeof key.value !== 'string' && typeof key.value !== 'number' && typeof key.value !== 'boolean')) {
        const { line, column } = at(isScalar(key) || isMap(key) || isSeq(key) ? key.range?.[0] : node.range?.[0]);
        return { line, column, field: '', message: text('A key must be a plain name, not a list or a mapping', '键必须是普通的名称，不能是列表或映射') };
      }
      const name = String(key.value);
      if (seen.has(name)) {
        const { line, column } = at(key.range?.[0]);
        return { line, column, field: '', message: text(`Key "${name}" appears twice in the same mapping`, `同一映射中键「${name}」出现了两次`) };
      }
      seen.add(name);
      stack.push({ node: pair.value, depth: depth + 1 });
    }
  }
  return null;
}

function tooManyKeys(line: number, column: number): FileProblem {
  const n = MAX_KEYS_PER_MAPPING.toLocaleString('en');
  return {
    line,
    column,
    field: '',
    message: text(
      `A mapping here has more than ${n} keys; no policy file has that many, so the file was not read`,
      `此处的映射超过 ${n} 个键；策略文件不会有这么多键，因此未读取该文件`,
    ),
  };
}

function tooDeep(line: number, column: number): FileProblem {
  return {
    line,
    column,
    field: '',
    message: text(`Nested more than ${MAX_NESTING} levels deep; a policy file is never that deep`, `嵌套超过 ${MAX_NESTING} 层；策略文件不会嵌套这么深`),
  };
}
