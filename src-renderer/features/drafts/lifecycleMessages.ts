import { defineMessages } from '../../i18n/featureMessages';

/** What the console says about a draft's life: pushed (read-only), rollback drafts, edits sent to a new draft. */
export const lifecycleMessages = defineMessages({
  en: {
    'notice.pushed': '“{from}” was pushed and is read-only, so your edit started a new draft “{to}”.',
    'notice.rollback': '“{from}” is a rollback draft, kept exactly as it was made, so your edit started a new draft “{to}”.',
    'notice.dismiss': 'Dismiss',
    'readOnly.tag': 'Pushed · read-only',
    'readOnly.undo': '“{name}” was pushed on {at}: undo and redo would rewrite what was sent, so they are off. Your next edit starts a new draft.',
    'readOnly.header': 'Pushed on {at} ({outcome}). This draft is the record of what was sent and can no longer change: rename, duplicate it (the copy can be edited) or discard it. The next edit in any view starts a new draft.',
    'readOnly.revert': 'A pushed draft cannot change; duplicate it to take changes out of a copy.',
    'outcome.verified': 'verified',
    'outcome.undone': 'undone',
    'outcome.abandoned': 'abandoned',
    'outcome.open': 'not finished',
    'rollback.tag': 'Rollback',
    'rollback.active': 'Undoes the push of {at}. Edits made while it is shown go into a new draft.',
    'rollback.title': 'Rollback draft',
    'rollback.banner': 'This draft undoes the push of {at} (draft “{draft}”) — review it, then push it from the Push view.',
    'rollback.bannerNoDraft': 'This draft undoes the push of {at} — review it, then push it from the Push view.',
    'rollback.keep': 'It stays exactly the inverse of that push: edits made in the other views while it is shown go into a new draft. To change it, duplicate it and push the copy.',
    'rollback.toPush': 'Open the Push view',
    'rollback.review': 'Review the rollback draft “{name}”',
    'rollback.unknownTime': 'an earlier push',
  },
  'zh-CN': {
    'notice.pushed': '“{from}”已推送，为只读，因此您的修改已新建草稿“{to}”。',
    'notice.rollback': '“{from}”是回滚草稿，需保持生成时的原样，因此您的修改已新建草稿“{to}”。',
    'notice.dismiss': '关闭',
    'readOnly.tag': '已推送 · 只读',
    'readOnly.undo': '“{name}”已于 {at} 推送：撤销和重做会改写已发送的内容，因此不可用。您的下一次修改将新建草稿。',
    'readOnly.header': '已于 {at} 推送（{outcome}）。此草稿是已发送内容的记录，不能再修改：可以重命名、复制（副本可编辑）或丢弃。在任何视图中的下一次修改都会新建草稿。',
    'readOnly.revert': '已推送的草稿不能修改；如需撤回其中的修改，请复制后在副本中操作。',
    'outcome.verified': '已校验',
    'outcome.undone': '已撤回',
    'outcome.abandoned': '已放弃',
    'outcome.open': '未完成',
    'rollback.tag': '回滚',
    'rollback.active': '撤销 {at} 的推送。显示它时所做的修改会进入新草稿。',
    'rollback.title': '回滚草稿',
    'rollback.banner': '此草稿撤销 {at} 的推送（草稿“{draft}”）——请先审阅，然后在“推送”视图中推送。',
    'rollback.bannerNoDraft': '此草稿撤销 {at} 的推送——请先审阅，然后在“推送”视图中推送。',
    'rollback.keep': '它始终是那次推送的精确逆操作：在其他视图中显示它时所做的修改会进入新草稿。如需修改，请复制它并推送副本。',
    'rollback.toPush': '打开“推送”视图',
    'rollback.review': '审阅回滚草稿“{name}”',
    'rollback.unknownTime': '之前的一次推送',
  },
});

export type LifecycleMessageKey = keyof (typeof lifecycleMessages)['en'];

/** A journal time in the reader's language and time zone, to the minute. */
export function formatPushTime(at: string | null, locale: string): string | null {
  if (!at) return null;
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return date.toLocaleString(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}
