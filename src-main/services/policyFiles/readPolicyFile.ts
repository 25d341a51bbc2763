import { LineCounter, parseDocument } from 'yaml';
import { validateSnapshot } from '../../common/domain';
import { type FileProblem, MAX_POLICY_FILE_CHARS } from '../../common/ipc';
import { type PolicyFile, policyFileSchema } from '../../common/policyFile';
import { formatPath, locate, type PathSegment } from './locateInYaml';
import { issueText, text } from './problemText';
import { parsedStructureProblem, textStructureProblem } from './structureLimits';

export type ReadResult = { ok: true; file: PolicyFile } | { ok: false; problems: FileProblem[] };

/** At most this many problems are listed: the first ones are what a person fixes first. */
const MAX_PROBLEMS = 50;

/**
 * Reads a policy file: YAML syntax first (with its line), then the strict schema, with each problem mapped
 * from the field's path back to the line it was written on. Aliases are capped (no "billion laughs"), keys must
 * be unique and the file must hold one document. Everything here is linear in the file's length: size and
 * mapping widths are checked before the parse, unique keys after it in one pass (`structureLimits.ts`). Still, a
 * 20,000-person snapshot takes seconds, so the app calls this in a worker (`PolicyFileReader.ts`). Nothing here
 * touches a workspace: reading is separate from applying, so a bad file changes nothing.
 */
export function readPolicyFile(source: string): ReadResult {
  if (source.length > MAX_POLICY_FILE_CHARS) {
    const mb = (MAX_POLICY_FILE_CHARS / 1024 / 1024).toFixed(0);
    return { ok: false, problems: [{ line: 0, column: 0, field: '', message: text(`The file is larger than ${mb} MB`, `文件超过 ${mb} MB`) }] };
  }
  const early = textStructureProblem(source);
  if (early) return { ok: false, problems: [early] };
  const counter = new LineCounter();
  // `uniqueKeys: false`: the parser's own check is quadratic; `parsedStructureProblem` does it in one pass.
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: false, version: '1.2', schema: 'core' });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.slice(0, MAX_PROBLEMS).map((e) => {
        const at = counter.linePos(e.pos[0]);
        return { line: at.line, column: at.col, field: '', message: text(`YAML syntax: ${e.message.split('\n')[0]}`, `YAML 语法错误：${e.message.split('\n')[0]}`) };
      }),
    };
  }
  const structure = parsedStructureProblem(doc, counter);
  if (structure) return { ok: false, problems: [structure] };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, problems: [{ line: 1, column: 1, field: '', message: text(`Unreadable: ${(error as Error).message}`, `无法读取：${(error as Error).message}`) }] };
  }
  const parsed = policyFileSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, MAX_PROBLEMS).map((issue): FileProblem => {
      const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
      const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      const at = locate(doc, counter, path, unknownKey);
      const field = formatPath(unknownKey === undefined ? path : [...path, unknownKey]);
      return { line: at.line, column: at.column, field, message: issueText(issue) };
    });
    return { ok: false, problems };
  }
  const problems = [...unknownFields(value, parsed.data, [])].slice(0, MAX_PROBLEMS).map(({ path, key }): FileProblem => {
    const at = locate(doc, counter, path, key);
    return { line: at.line, column: at.column, field: formatPath([...path, key]), message: text(`Unrecognized key: "${key}"`, `无法识别的字段：${key}`) };
  });
  problems.push(...meaningProblems(parsed.data, (path) => locate(doc, counter, path)));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, file: parsed.data };
}

/**
 * Fields the schema would silently drop (zod objects strip unknown keys unless strict, and the draft operation
 * schemas are shared with the IPC contract, so they stay as they are): found by walking what was read beside
 * what the schema kept.
 */
function* unknownFields(read: unknown, kept: unknown, path: PathSegment[]): Generator<{ path: PathSegment[]; key: string }> {
  if (Array.isArray(read) && Array.isArray(kept)) {
    for (let i = 0; i < read.length; i++) yield* unknownFields(read[i], kept[i], [...path, i]);
  } else if (read && kept && typeof read === 'object' && typeof kept === 'object') {
    for (const [key, value] of Object.entries(read)) {
      if (!Object.hasOwn(kept, key)) yield { path, key };
      else yield* unknownFields(value, (kept as Record<string, unknown>)[key], [...path, key]);
    }
  }
}

/** What a schema cannot say: gesture ids unique within the file; a snapshot's references resolve. */
function meaningProblems(file: PolicyFile, at: (path: PathSegment[]) => { line: number; column: number }): FileProblem[] {
  const problems: FileProblem[] = [];
  if (file.kind === 'draft') {
    const seen = new Set<string>();
    file.gestures.forEach((g, i) => {
      if (seen.has(g.id)) {
        const path = ['gestures', i, 'id'];
        problems.push({ ...at(path), field: formatPath(path), message: text(`Gesture id "${g.id}" appears twice`, `手势 id「${g.id}」重复`) });
      }
      seen.add(g.id);
    });
  } else {
    for (const p of validateSnapshot(file.snapshot)) {
      problems.push({ ...at(['snapshot']), field: 'snapshot', message: text(`${p.code}: ${p.message}`, `快照不一致（${p.code}）：${p.message}`) });
    }
  }
  return problems.map(({ line, column, field, message }) => ({ line, column, field, message }));
}
