import { useCallback } from 'react';
import { formatMessage } from './format';
import { useLocale } from './useT';
import type { Locale } from './locale';

/**
 * Strings owned by one feature, in both languages, next to the feature's code. The type makes a key missing
 * from either language a compile error. Shared words (scopes, statuses, navigation) stay in en.ts / zhCN.ts.
 */
export function defineMessages<K extends string>(messages: { en: Record<K, string>; 'zh-CN': Record<K, string> }) {
  return messages;
}

export type FeatureT<K extends string> = (key: K, params?: Record<string, string | number>) => string;

export function translateFeature<K extends string>(messages: Record<Locale, Record<K, string>>, locale: Locale): FeatureT<K> {
  return (key, params) => formatMessage(messages[locale][key], params);
}

/** The translator for a feature's own strings in the current language. */
export function useFeatureT<K extends string>(messages: Record<Locale, Record<K, string>>): FeatureT<K> {
  const locale = useLocale();
  return useCallback((key: K, params?: Record<string, string | number>) => formatMessage(messages[locale][key], params), [messages, locale]);
}
