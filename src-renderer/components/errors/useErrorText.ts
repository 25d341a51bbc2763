import { useCallback } from 'react';
import { useLocale } from '../../i18n/useT';
import { errorText } from './errorText';

/** `errorText` in the current language. */
export function useErrorText(): (error: unknown) => string {
  const locale = useLocale();
  return useCallback((error: unknown) => errorText(error, locale), [locale]);
}
