/**
 * i18next set-up: English and Simplified Chinese bundled with the app, the choice kept in
 * localStorage (`civitas.lang`) and mirrored on `<html lang>`.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json' with { type: 'json' };
import zhCN from './zh-CN.json' with { type: 'json' };
import { moduleMessagesEn, moduleMessagesZh } from './module-messages.js';

export const languages = ['en', 'zh-CN'] as const;
export type Language = (typeof languages)[number];

/**
 * A message key, dotted (`nav.home`). Plain string (see i18next.d.ts); `web/scripts/check-i18n.mjs`
 * verifies that the keys written in the code exist in both languages.
 */
export type MessageKey = string;

export const languageStorageKey = 'civitas.lang';

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'zh-CN';
}

function readStoredLanguage(): Language | null {
  try {
    const stored = window.localStorage.getItem(languageStorageKey);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** Whether this browser has chosen a language before (then it wins over the account's setting on load). */
export function hasStoredLanguage(): boolean {
  return readStoredLanguage() !== null;
}

function browserLanguage(): Language {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return 'en';
}

/** The current UI language as one of ours. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: { ...en, ...moduleMessagesEn } }, 'zh-CN': { translation: { ...zhCN, ...moduleMessagesZh } } },
  lng: readStoredLanguage() ?? browserLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...languages],
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

function mirrorLanguage(language: string): void {
  document.documentElement.lang = isLanguage(language) ? language : 'en';
}

mirrorLanguage(i18n.language);
i18n.on('languageChanged', (language) => {
  mirrorLanguage(language);
  if (!isLanguage(language)) return;
  try {
    window.localStorage.setItem(languageStorageKey, language);
  } catch {
    // Private mode or storage full: the choice lasts for this page only.
  }
});

export default i18n;
