export const locales = ['en', 'zh-CN'] as const;
export type Locale = (typeof locales)[number];

/** Picks en or zh-CN from an Accept-Language header (any zh variant means Simplified Chinese here). */
export function negotiateLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return 'en';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'en';
}

export type Messages = Record<string, string>;
export type MessageBundle = Record<Locale, Messages>;

/** Server-side messages of the core and every module, looked up by key with `{param}` substitution. */
export class Catalog {
  private readonly messages: MessageBundle = { en: {}, 'zh-CN': {} };

  constructor(bundles: MessageBundle[]) {
    for (const bundle of bundles) {
      for (const locale of locales) Object.assign(this.messages[locale], bundle[locale]);
    }
  }

  has(key: string): boolean {
    return key in this.messages.en;
  }

  t(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
    const template = this.messages[locale][key] ?? this.messages.en[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in params ? String(params[name]) : match,
    );
  }

  /** Keys present in one language and missing in the other (the test suite keeps this empty). */
  missing(): { locale: Locale; key: string }[] {
    const out: { locale: Locale; key: string }[] = [];
    for (const locale of locales) {
      const other = locale === 'en' ? 'zh-CN' : 'en';
      for (const key of Object.keys(this.messages[other])) {
        if (!(key in this.messages[locale])) out.push({ locale, key });
      }
    }
    return out;
  }
}
