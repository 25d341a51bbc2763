import { useCallback } from 'react';
import type { AppErrorData } from '../../../src-main/common/ipc';
import { useLocale } from '../../i18n/useT';
import { appErrorText, errorText } from './errorText';

/** `errorText` in the current language. */
export function useErrorText(): (error: unknown) => string {
  const locale = useLocale();
  return useCallback((error: unknown) => errorText(error, locale), [locale]);
}

/** `appErrorText` in the current language: for an error as a store or the server cache keeps it. */
export function useAppErrorText(): (error: AppErrorData) => string {
  const locale = useLocale();
  return useCallback((error: AppErrorData) => appErrorText(error, locale), [locale]);
}
