import { isMap, isScalar, type Document, type LineCounter, type Node } from 'yaml';

export type PathSegment = string | number;

/**
 * Where a field of the parsed value sits in the YAML text: the node at `path`, or (for a field that is missing)
 * the nearest enclosing node that exists, so a problem always points at a line the person can open.
 * `key` points at one key of the map at `path` (an unknown field). Lines and columns are 1-based.
 */
export function locate(doc: Document, counter: LineCounter, path: readonly PathSegment[], key?: string): { line: number; column: number } {
  let offset: number | undefined;
  if (key !== undefined) {
    const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
    if (isMap(map)) {
      const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      if (pair && isScalar(pair.key)) offset = pair.key.range?.[0];
    }
  }
  for (let depth = path.length; offset === undefined && depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : (doc.getIn(path.slice(0, depth), true) as Node | undefined);
    if (node && typeof node === 'object' && 'range' in node && node.range) offset = node.range[0];
  }
  if (offset === undefined) return { line: 1, column: 1 };
  const pos = counter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** `gestures[2].operations[0].roleIds[1]`: the field as a person reads it. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${String(seg)}` : String(seg)), '');
}
