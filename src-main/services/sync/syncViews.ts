import type { DataScope, LocalizedText, Snapshot } from '../../common/domain';
import { DATA_SCOPE_NAMES } from '../../common/draft/describe';
import type { CellChange } from '../../common/draft/cells';
import { describeChange } from '../../common/draft/describeChange';
import type { RebaseConflict } from '../../common/draft/rebase';
import type { PropagationNote } from '../../connectors/wukong/verify/propagation';

/** One changed cell in both languages. */
export function changeLine(change: CellChange, before: Snapshot, after: Snapshot): LocalizedText {
  return { en: describeChange(change, before, after, 'en'), 'zh-CN': describeChange(change, before, after, 'zh-CN') };
}

export function propagationView(notes: readonly PropagationNote[]) {
  return notes.map((n) => ({ delay: n.delay, maxDelaySeconds: n.maxDelaySeconds, message: n.message, people: n.userIds.length }));
}

/**
 * A conflict side by side: each side said as the change from the base that leads to it ("Sales gains
 * Customers › Delete"), or "as in the base" / "deleted" — the same words the drafts view uses.
 */
export function conflictView(c: RebaseConflict, base: Snapshot, theirs: Snapshot, ours: Snapshot) {
  const side = (value: unknown, world: Snapshot): LocalizedText => {
    if (value === undefined) return { en: 'deleted', 'zh-CN': '已删除' };
    if (JSON.stringify(value) === JSON.stringify(c.base)) return { en: 'unchanged (as in the base)', 'zh-CN': '未改动（与基线相同）' };
    return changeLine({ ...c.cell, key: c.id, before: c.base ?? null, after: value } as CellChange, base, world);
  };
  const baseText: LocalizedText =
    c.base === undefined
      ? { en: 'did not exist', 'zh-CN': '不存在' }
      : c.cell.kind === 'roleScope' && typeof c.base === 'number'
        ? DATA_SCOPE_NAMES[c.base as DataScope]
        : { en: valueText(c.base, 'en'), 'zh-CN': valueText(c.base, 'zh-CN') };
  const first = c.ourChanges[0];
  return {
    id: c.id,
    reason: c.reason,
    title: first ? changeLine(first, base, ours) : side(c.ours, ours),
    base: baseText,
    theirs: side(c.theirs, theirs),
    ours: side(c.ours, ours),
    oursPossible: c.oursOps.length > 0,
  };
}

function valueText(value: unknown, locale: 'en' | 'zh-CN'): string {
  if (value === true) return locale === 'en' ? 'yes' : '是';
  if (value === false) return locale === 'en' ? 'no' : '否';
  if (value === null) return locale === 'en' ? '(none)' : '（无）';
  if (typeof value === 'object' && value && 'name' in value) return String((value as { name: unknown }).name);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}
