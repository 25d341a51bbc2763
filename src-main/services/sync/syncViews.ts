import type { DataScope, LocalizedText, Snapshot } from '../../common/domain';
import { DATA_SCOPE_NAMES, describeChange } from '../../common/draft';
import type { CellChange, RebaseConflict } from '../../common/draft';
import type { PropagationNote } from '../../connectors';

/** One changed cell in both languages. */
export function changeLine(change: CellChange, before: Snapshot, after: Snapshot): LocalizedText {
  return { en: describeChange(change, before, after, 'en'), 'zh-CN': describeChange(change, before, after, 'zh-CN') };
}

/**
 * A change the push meant that the server does not hold after it, said as what the draft wanted — "Not applied:
 * "Sales" gains "Delete"" — never as the opposite change from the draft's projection ("loses Delete"), which is
 * what diffing the projection with the server reads like. When the server holds a third value (neither the one
 * the plan was made on nor the draft's), that is said too.
 * `wanted` is the push's change (plannedOn → expected), `found` the server's value for the cell (`after`).
 */
export function notAppliedLine(wanted: CellChange, found: CellChange, plannedOn: Snapshot, expected: Snapshot, pulled: Snapshot): LocalizedText {
  const line = changeLine(wanted, plannedOn, expected);
  const unchanged = same(found.after, wanted.before);
  const instead = unchanged ? null : changeLine({ ...wanted, after: found.after } as CellChange, plannedOn, pulled);
  return {
    en: `Not applied: ${line.en}${instead ? `. The server holds something else instead: ${instead.en}` : ''}`,
    'zh-CN': `未生效：${line['zh-CN']}${instead ? `。服务器上现在是另一种状态：${instead['zh-CN']}` : ''}`,
  };
}

/**
 * What a rollback (or an undo of what landed) cannot put back, by name: a deleted role or department cannot be
 * re-created with its id, grants and members; nobody can set a person back to "not yet activated" (WukongCRM's
 * setUserStatus takes 0 or 1 only, reference §3). `inverse` is a change of the undo (`before` = what the push
 * left, `after` = what it was), as `undoChanges` lists them; `pushed` is the state after the push, `original`
 * the one before it.
 */
export function notUndoableLine(inverse: CellChange, pushed: Snapshot, original: Snapshot): LocalizedText {
  if (inverse.kind === 'role' && inverse.before === null && inverse.after !== null) {
    const name = inverse.after.name;
    return {
      en: `Role "${name}" was deleted and cannot be re-created automatically: a rollback cannot bring back its id, grants and members.`,
      'zh-CN': `角色「${name}」已被删除，无法自动重建：回滚无法恢复它原来的编号、权限和成员。`,
    };
  }
  if (inverse.kind === 'department' && inverse.before === null && inverse.after !== null) {
    const name = inverse.after.name;
    return {
      en: `Department "${name}" was deleted and cannot be re-created automatically: a rollback cannot bring back its id.`,
      'zh-CN': `部门「${name}」已被删除，无法自动重建：回滚无法恢复它原来的编号。`,
    };
  }
  if (inverse.kind === 'userStatus' && inverse.after === 'inactive') {
    const name = original.users.find((u) => u.id === inverse.userId)?.name ?? inverse.userId;
    return {
      en: `${name} cannot be set back to "not activated": the server only enables or disables people.`,
      'zh-CN': `${name} 无法改回「未激活」：服务器只能启用或禁用员工。`,
    };
  }
  return changeLine(inverse, pushed, original);
}


function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
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
