import { create } from 'zustand';
import { systemLocale, type Locale } from '../i18n/locale';

export type LocalePreference = Locale | 'system';
export type ThemePreference = 'system' | 'light' | 'dark';

interface SettingsState {
  localePreference: LocalePreference;
  themePreference: ThemePreference;
  effectiveLocale: Locale;
  effectiveTheme: 'light' | 'dark';
  setLocale(preference: LocalePreference): void;
  setTheme(preference: ThemePreference): void;
  /** Called when the OS language or colour scheme changes. */
  systemChanged(): void;
}

const STORAGE_KEY = 'gatehouse.settings';

function loadSaved(): { locale: LocalePreference; theme: ThemePreference } {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, unknown>;
    const locale = saved.locale === 'zh-CN' || saved.locale === 'en' ? saved.locale : 'system';
    const theme = saved.theme === 'light' || saved.theme === 'dark' ? saved.theme : 'system';
    return { locale, theme };
  } catch {
    return { locale: 'system', theme: 'system' };
  }
}

const resolveLocale = (p: LocalePreference): Locale => (p === 'system' ? systemLocale(navigator.languages ?? [navigator.language]) : p);
const resolveTheme = (p: ThemePreference): 'light' | 'dark' =>
  p === 'system' ? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light') : p;

const saved = loadSaved();

/** Language and theme: follow the OS until the user chooses, remember the choice. */
export const useSettingsStore = create<SettingsState>((set, get) => {
  const persist = () => {
    const { localePreference, themePreference } = get();
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ locale: localePreference, theme: themePreference }));
  };
  return {
    localePreference: saved.locale,
    themePreference: saved.theme,
    effectiveLocale: resolveLocale(saved.locale),
    effectiveTheme: resolveTheme(saved.theme),
    setLocale(preference) {
      set({ localePreference: preference, effectiveLocale: resolveLocale(preference) });
      persist();
    },
    setTheme(preference) {
      set({ themePreference: preference, effectiveTheme: resolveTheme(preference) });
      persist();
    },
    systemChanged() {
      const { localePreference, themePreference } = get();
      set({ effectiveLocale: resolveLocale(localePreference), effectiveTheme: resolveTheme(themePreference) });
    },
  };
});
