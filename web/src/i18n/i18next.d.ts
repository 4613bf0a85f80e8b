/**
 * i18next typing. Message keys are plain strings on purpose: typing them from the bundles (core plus
 * every module) makes TypeScript give up ("type instantiation is excessively deep") once the
 * bundles hold a few hundred keys. `node web/scripts/check-i18n.mjs` checks instead that every key
 * used in the code exists, and that English and Chinese have the same keys.
 */
import 'i18next';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
  }
}
