import { AppError } from '../../common/ipc/result';
import type { PushRecord } from './draftRecord';

/** What may not be done to a pushed draft. */
export type LockedVerb = 'apply' | 'undo' | 'redo' | 'revert';

const VERB: Record<LockedVerb, { en: string; 'zh-CN': string }> = {
  apply: { en: 'This change was not recorded', 'zh-CN': '此修改未记录' },
  undo: { en: 'Nothing was undone', 'zh-CN': '未撤销任何内容' },
  redo: { en: 'Nothing was redone', 'zh-CN': '未重做任何内容' },
  revert: { en: 'The change was not reverted', 'zh-CN': '未撤回该修改' },
};

/** `2025-03-04T10:15:42.000Z` → `2025-03-04 10:15` (UTC, as the journal stores it). */
export function pushTime(at: string): string {
  return at.slice(0, 16).replace('T', ' ');
}

/**
 * The refusal for a change to a pushed draft, in both languages: the message in English (logs, tests) and one
 * detail `DRAFT_PUSHED: english / 中文`, the form the console already shows in the reader's language.
 */
export function pushedDraftError(verb: LockedVerb, push: PushRecord): AppError {
  const when = pushTime(push.createdAt);
  const en = `${VERB[verb].en}: this draft was pushed (${when} UTC) and is read-only, the record of what was sent. Duplicate it to go on editing, or make a new draft.`;
  const zh = `${VERB[verb]['zh-CN']}：此草稿已推送（${when} UTC），是已发送内容的记录，只读。如需继续编辑，请复制此草稿或新建草稿。`;
  return new AppError('REFUSED', en, [`DRAFT_PUSHED: ${en} / ${zh}`]);
}
