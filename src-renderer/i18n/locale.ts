import { en, type MessageKey } from './en';
import { formatMessage } from './format';
import { zhCN } from './zhCN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** The OS / browser language decides until the user picks one: any Chinese → zh-CN, otherwise English. */
export function systemLocale(languages: readonly string[]): Locale {
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  return formatMessage(dictionaries[locale][key], params);
}

export type { MessageKey };
