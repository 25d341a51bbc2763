import type { core } from 'zod';
import type { LocalizedText } from '../../common/domain';

/**
 * A schema problem in both languages. zod words it in English; the Chinese is made from the issue's code and
 * its parameters, which is all a person needs to fix the line it points at.
 */
export function issueText(issue: core.$ZodIssue): LocalizedText {
  const en = issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return { en, 'zh-CN': `类型不对：应为 ${issue.expected}` };
    case 'unrecognized_keys':
      return { en, 'zh-CN': `无法识别的字段：${issue.keys.join('、')}` };
    case 'invalid_value':
      return { en, 'zh-CN': `取值无效：应为 ${issue.values.map((v) => JSON.stringify(v)).join(' 或 ')}` };
    case 'invalid_union':
      return { en, 'zh-CN': '不符合任何一种允许的写法（检查 type 或 kind）' };
    case 'too_small':
      return { en, 'zh-CN': `太短或太小（至少 ${String(issue.minimum)}）` };
    case 'too_big':
      return { en, 'zh-CN': `太长或太大（至多 ${String(issue.maximum)}）` };
    case 'invalid_format':
      return { en, 'zh-CN': `格式不对（${issue.format}）` };
    default:
      return { en, 'zh-CN': `取值无效：${en}` };
  }
}

export function text(en: string, zh: string): LocalizedText {
  return { en, 'zh-CN': zh };
}
