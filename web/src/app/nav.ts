/**
 * The top navigation as one list. A module adds its pages here with the section they belong to
 * (Participate, Ask and hear, Transparency, Supervise, Evaluate); a section with several visible
 * pages becomes a drop-down, a section with one page shows that page directly. Pages that do not
 * exist yet are simply not listed.
 */
import type { Session } from '../api-types.js';
import type { MessageKey } from '../i18n/index.js';
import { moduleWebs } from './modules.js';

export type NavSection = 'participate' | 'askAndHear' | 'transparency' | 'supervise' | 'evaluate';

export interface NavEntry {
  id: string;
  path: string;
  label: MessageKey;
  section?: NavSection;
  /** Shown only when this returns true; default: always. */
  visible?: (session: Session | null) => boolean;
  /** Other path prefixes for which this entry is the current one. */
  alsoCurrentFor?: string[];
}

export const navEntries: NavEntry[] = [
  { id: 'home', path: '/', label: 'nav.home', alsoCurrentFor: ['/areas/'] },
  ...moduleWebs.flatMap((m) => m.nav),
  { id: 'organizations', path: '/organizations', label: 'nav.organizations' },
  { id: 'departments', path: '/departments', label: 'nav.departments' },
  { id: 'audit', path: '/audit', label: 'nav.audit', section: 'transparency' },
  { id: 'openData', path: '/open-data', label: 'nav.openData', section: 'transparency' },
  { id: 'me', path: '/me', label: 'nav.me', visible: (session) => Boolean(session?.user) },
  {
    id: 'moderation',
    path: '/moderation',
    label: 'moderation.nav',
    visible: (session) => Boolean(session?.user?.roles.some((role) => role === 'moderator' || role === 'administrator')),
  },
  {
    id: 'admin',
    path: '/admin',
    label: 'nav.admin',
    visible: (session) => Boolean(session?.user?.roles.includes('administrator')),
  },
];

export const sectionLabels: Record<NavSection, MessageKey> = {
  participate: 'nav.sections.participate',
  askAndHear: 'nav.sections.askAndHear',
  transparency: 'nav.sections.transparency',
  supervise: 'nav.sections.supervise',
  evaluate: 'nav.sections.evaluate',
};

export type NavItem =
  | { kind: 'link'; entry: NavEntry }
  | { kind: 'section'; section: NavSection; entries: NavEntry[] };

/** The visible navigation, grouped: a section sits where its first page is listed. */
export function visibleNav(session: Session | null, entries: NavEntry[] = navEntries): NavItem[] {
  const shown = entries.filter((entry) => !entry.visible || entry.visible(session));
  const bySection = new Map<NavSection, NavEntry[]>();
  for (const entry of shown) {
    if (!entry.section) continue;
    bySection.set(entry.section, [...(bySection.get(entry.section) ?? []), entry]);
  }
  const items: NavItem[] = [];
  const placed = new Set<NavSection>();
  for (const entry of shown) {
    const section = entry.section;
    if (!section) {
      items.push({ kind: 'link', entry });
      continue;
    }
    if (placed.has(section)) continue;
    placed.add(section);
    const members = bySection.get(section) ?? [];
    if (members.length === 1) items.push({ kind: 'link', entry });
    else items.push({ kind: 'section', section, entries: members });
  }
  return items;
}

/** Whether the entry is the page being shown. */
export function isCurrent(entry: NavEntry, pathname: string): boolean {
  if (entry.path === '/') {
    return pathname === '/' || (entry.alsoCurrentFor ?? []).some((prefix) => pathname.startsWith(prefix));
  }
  const prefixes = [entry.path, ...(entry.alsoCurrentFor ?? [])];
  return prefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}
