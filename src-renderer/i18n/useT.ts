import { useCallback } from 'react';
import { useSettingsStore } from '../stores/settingsStore';
import { translate, type Locale, type MessageKey } from './locale';

export type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The translator for the current language; components re-render when it changes. */
export function useT(): T {
  const locale = useSettingsStore((s) => s.effectiveLocale);
  return useCallback((key, params) => translate(locale, key, params), [locale]);
}

export function useLocale(): Locale {
  return useSettingsStore((s) => s.effectiveLocale);
}

/** Picks the label for the current language from a domain `{ 'zh-CN', en }` text. */
export function useLocalized() {
  const locale = useLocale();
  return useCallback((text: { 'zh-CN': string; en: string }) => text[locale], [locale]);
}
