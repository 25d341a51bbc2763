import { useT } from '../../i18n/useT';
import { useSettingsStore, type LocalePreference, type ThemePreference } from '../../stores/settingsStore';

/** Language and theme pickers; also shown compactly in the header. */
export function AppearanceSettings({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const locale = useSettingsStore((s) => s.localePreference);
  const theme = useSettingsStore((s) => s.themePreference);
  const setLocale = useSettingsStore((s) => s.setLocale);
  const setTheme = useSettingsStore((s) => s.setTheme);
  return (
    <div className={compact ? 'appearance compact' : 'appearance'}>
      <label>
        <span className={compact ? 'visually-hidden' : undefined}>{t('language.label')}</span>
        <select aria-label={t('language.label')} value={locale} onChange={(e) => setLocale(e.target.value as LocalePreference)}>
          <option value="system">{t('language.system')}</option>
          <option value="zh-CN">中文（简体）</option>
          <option value="en">English</option>
        </select>
      </label>
      <label>
        <span className={compact ? 'visually-hidden' : undefined}>{t('theme.label')}</span>
        <select aria-label={t('theme.label')} value={theme} onChange={(e) => setTheme(e.target.value as ThemePreference)}>
          <option value="system">{t('theme.system')}</option>
          <option value="light">{t('theme.light')}</option>
          <option value="dark">{t('theme.dark')}</option>
        </select>
      </label>
    </div>
  );
}
