import { DATA_SCOPE_NAMES, type LocalizedText } from '../domain';
import type { ScopeValue } from './compiledPolicy';

/** Scope names as WukongCRM labels them (the domain's five, plus 0 for "does not hold the permission"). */
export const SCOPE_NAMES: Readonly<Record<ScopeValue, LocalizedText>> = {
  0: { 'zh-CN': '无权限', en: 'no access' },
  ...DATA_SCOPE_NAMES,
};

export function scopeLabel(scope: ScopeValue): LocalizedText {
  const name = SCOPE_NAMES[scope];
  return { 'zh-CN': `${scope}（${name['zh-CN']}）`, en: `${scope} (${name.en})` };
}

export function text(zh: string, en: string): LocalizedText {
  return { 'zh-CN': zh, en };
}

/** "韩梅梅、李雷 等 5 人" / "Han Meimei, Li Lei and 3 more": a few names, then a count. */
export function nameList(names: readonly string[], max = 3): LocalizedText {
  const shown = names.slice(0, max);
  const rest = names.length - shown.length;
  return {
    'zh-CN': shown.join('、') + (rest > 0 ? ` 等 ${names.length} 人` : ''),
    en: shown.join(', ') + (rest > 0 ? ` and ${rest} more` : ''),
  };
}

/** English plural for counted nouns ("1 report", "2 reports"). */
export function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}
