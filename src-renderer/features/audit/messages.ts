import { defineMessages } from '../../i18n/featureMessages';

export const auditMessages = defineMessages({
  en: {
    title: 'Audit log',
    hint: 'Every change to this workspace, hash-chained: each entry carries the hash of the one before, so an edited, removed or reordered entry shows.',
    verify: 'Verify chain',
    verified: 'Chain intact: {count} entries checked.',
    broken: 'Chain broken at entry {seq}: {message}',
    exportCsv: 'Export CSV',
    more: 'Older entries',
    seq: '#',
    at: 'When',
    actor: 'Who',
    action: 'What',
    details: 'Details',
    empty: 'No entries yet.',
  },
  'zh-CN': {
    title: '审计日志',
    hint: '此工作区的每一次变更，以哈希链相连：每条记录都包含上一条的哈希，任何修改、删除或重排都会被发现。',
    verify: '校验链',
    verified: '链完整：已校验 {count} 条记录。',
    broken: '链在第 {seq} 条断开：{message}',
    exportCsv: '导出 CSV',
    more: '更早的记录',
    seq: '#',
    at: '时间',
    actor: '操作人',
    action: '操作',
    details: '详情',
    empty: '暂无记录。',
  },
});
