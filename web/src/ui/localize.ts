import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from '../i18n/index.js';

/** The Chinese text when the page is in Chinese and one exists, else the English one. */
export function pick(language: Language, en: string, zh: string | null | undefined): string {
  return language === 'zh-CN' && zh ? zh : en;
}

/** Helpers to show names, titles, dates and numbers in the current language. */
export function useLocalize() {
  const { i18n } = useTranslation();
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'en';
  const name = useCallback(
    (thing: { name: string; nameZh?: string | null } | null | undefined) =>
      thing ? pick(language, thing.name, thing.nameZh) : '',
    [language],
  );
  const title = useCallback(
    (thing: { title: string; titleZh?: string | null } | null | undefined) =>
      thing ? pick(language, thing.title, thing.titleZh) : '',
    [language],
  );
  const formats = useMemo(() => {
    const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
    const dateTimeFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    const numberFormat = new Intl.NumberFormat(language);
    const safe = (format: Intl.DateTimeFormat, iso: string) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : format.format(date);
    };
    return {
      date: (iso: string) => safe(dateFormat, iso),
      dateTime: (iso: string) => safe(dateTimeFormat, iso),
      number: (value: number) => numberFormat.format(value),
    };
  }, [language]);
  return { language, name, title, pick: (en: string, zh: string | null | undefined) => pick(language, en, zh), ...formats };
}
