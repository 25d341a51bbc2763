import { Document, isMap, isPair, isScalar, isSeq, visit, type Node } from 'yaml';
import { describeOperations } from '../../common/draft';
import type { DraftBatch } from '../../common/draft';
import type { LocalizedText, Snapshot } from '../../common/domain';
import { canonicalSnapshot, type DraftFile, POLICY_FILE_FORMAT, type SnapshotFile } from '../../common/policyFile';
import { idFieldKind, NameIndex } from './nameIndex';

type Locale = keyof LocalizedText;

/** Written without folding long lines, so equal content is byte-for-byte equal. */
const TO_STRING = { lineWidth: 0, minContentWidth: 0, indentSeq: true } as const;

/** Keys come sorted, except that what an entry *is* reads first (`- type: grantPermissions`, `- id: 12`). */
const LEADING_KEYS = ['format', 'kind', 'type', 'id'];
function keyOrder(a: { key: unknown }, b: { key: unknown }): number {
  const [x, y] = [String(isScalar(a.key) ? a.key.value : a.key), String(isScalar(b.key) ? b.key.value : b.key)];
  const [i, j] = [LEADING_KEYS.indexOf(x), LEADING_KEYS.indexOf(y)];
  if (i >= 0 || j >= 0) return (i < 0 ? LEADING_KEYS.length : i) - (j < 0 ? LEADING_KEYS.length : j);
  return x < y ? -1 : x > y ? 1 : 0;
}

const HEADER: Record<Locale, string> = {
  en: ' Gatehouse policy file. Ids are what counts; the names after # are for reading and are ignored on import.',
  'zh-CN': ' Gatehouse 策略文件。以 id 为准；# 后的名称仅供阅读，导入时忽略。',
};

/**
 * A draft as YAML: its name, base version and gestures in order (the order is meaning: each gesture applies to
 * what the previous ones left), each gesture headed by a comment saying what it does in plain words.
 * `states` are DraftService.states(): the state before each gesture and after the last.
 */
export function writeDraftFile(draft: { name: string; baseVersion: number }, batches: readonly DraftBatch[], states: readonly Snapshot[], locale: Locale): string {
  const file: DraftFile = {
    format: POLICY_FILE_FORMAT,
    kind: 'draft',
    name: draft.name,
    baseVersion: draft.baseVersion,
    gestures: batches.map((b) => ({ id: b.id, ...(b.label === undefined ? {} : { label: b.label }), operations: b.ops })),
  };
  const doc = new Document(file, { sortMapEntries: keyOrder });
  doc.commentBefore = HEADER[locale];
  const gestures = doc.get('gestures', true);
  if (isSeq(gestures)) {
    gestures.items.forEach((item, k) => {
      const said = describeOperations(states[k]!, batches[k]!.ops, locale);
      (item as Node).commentBefore = said.map((line) => ` ${k + 1}. ${line}`).join('\n');
    });
  }
  nameIds(doc, new NameIndex(states, locale));
  return doc.toString(TO_STRING);
}

/** A whole snapshot as YAML, in canonical order (see canonicalSnapshot). */
export function writeSnapshotFile(snapshot: Snapshot, version: number | null, locale: Locale): string {
  const file: SnapshotFile = { format: POLICY_FILE_FORMAT, kind: 'snapshot', version, snapshot: canonicalSnapshot(snapshot) };
  const doc = new Document(file, { sortMapEntries: keyOrder });
  doc.commentBefore = HEADER[locale];
  nameIds(doc, new NameIndex([snapshot], locale));
  return doc.toString(TO_STRING);
}

/** Puts the readable name beside every id a field refers to (`- "12" # Sales`), one id per line. */
function nameIds(doc: Document, names: NameIndex) {
  visit(doc, {
    Pair(_, pair, path) {
      if (!isScalar(pair.key)) return;
      const inCatalogue = path.some((p) => isPair(p) && isScalar(p.key) && p.key.value === 'permissions' && isSeq(p.value) && p.value.items.some(isMap));
      const kind = idFieldKind(String(pair.key.value), inCatalogue);
      if (!kind) return;
      const values = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const node of values) {
        if (!isScalar(node) || typeof node.value !== 'string') continue;
        const name = names.name(kind, node.value);
        if (name !== undefined) node.comment = ` ${name.replace(/[\r\n]+/g, ' ')}`;
      }
    },
  });
}
