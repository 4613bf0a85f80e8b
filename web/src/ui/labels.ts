import type { TFunction } from 'i18next';
import i18n, { type MessageKey } from '../i18n/index.js';

function known(key: string): key is MessageKey {
  return i18n.exists(key);
}

/** The kind of an organization in words ("Enterprise", "NGO", "Department"); the raw value when unknown. */
export function kindLabel(t: TFunction, kind: string): string {
  const key = `organizationKinds.${kind}`;
  return known(key) ? t(key) : kind;
}

/** The kinds a resident may register (the server decides which sectors they belong to). */
export const registrableKinds = ['enterprise', 'social_organization', 'community_group', 'ngo', 'association'] as const;
