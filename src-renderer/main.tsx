import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { useSettingsStore } from './stores/settingsStore';
import './styles.css';

// Keep <html lang> and the theme attribute in step with the settings, and follow the OS while it decides.
const applySettings = () => {
  const { effectiveLocale, effectiveTheme } = useSettingsStore.getState();
  document.documentElement.lang = effectiveLocale;
  document.documentElement.dataset.theme = effectiveTheme;
};
applySettings();
useSettingsStore.subscribe(applySettings);
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => useSettingsStore.getState().systemChanged());
addEventListener('languagechange', () => useSettingsStore.getState().systemChanged());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
