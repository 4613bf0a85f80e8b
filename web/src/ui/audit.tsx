/**
 * How audit-log entries read in the UI: translated action names (raw name when unknown), the
 * resource, and the actor as role, post and organization.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditActor, AuditEntry } from '../api-types.js';
import { moduleWebs } from '../app/modules.js';
import i18n, { type MessageKey } from '../i18n/index.js';
import { useLocalize } from './localize.js';

function known(key: string): key is MessageKey {
  return i18n.exists(key);
}

/**
 * The first label that exists: the shell's own (`audit.<group>.<name>`), then each module's
 * (`<module>.<moduleGroup>.<name>`, in the module's bundle); null when nobody has one.
 */
function label(t: TFunction, group: 'actions' | 'resourceTypes', moduleGroup: 'auditActions' | 'auditResourceTypes', name: string): string | null {
  const core = `audit.${group}.${name}`;
  if (known(core)) return t(core);
  for (const module of moduleWebs) {
    const key = `${module.name}.${moduleGroup}.${name}`;
    if (known(key)) return t(key);
  }
  return null;
}

/** "Organization registered" for `organization.registered`, "Ballot cast" for `budget.voted`; the raw name for actions we do not know. */
export function actionLabel(t: TFunction, action: string): string {
  return label(t, 'actions', 'auditActions', action.replace(/\./g, '_')) ?? action;
}

/** "organization" → "Organization", "budget_project" → "Budget project"; unknown types as they are. */
export function resourceTypeLabel(t: TFunction, type: string): string {
  return label(t, 'resourceTypes', 'auditResourceTypes', type) ?? type;
}

/** "administrator", "official"… translated when known. */
export function actorRoleLabel(t: TFunction, role: string | null): string {
  if (!role) return t('audit.actorUnknown');
  const key = `audit.actorRoles.${role}`;
  return known(key) ? t(key) : role;
}

/** The names the entry's data carries, if any, to say which thing changed. */
function dataLabel(entry: AuditEntry, language: string): string | null {
  const data = entry.data ?? {};
  const zh = language === 'zh-CN' ? data.nameZh ?? data.titleZh : null;
  const candidate = zh ?? data.name ?? data.title ?? data.displayName ?? data.fileName ?? data.slug;
  return typeof candidate === 'string' && candidate ? candidate : null;
}

/** Where the entry's resource can be seen, when it has a page. */
function resourceLink(entry: AuditEntry): string | null {
  const slug = entry.data?.slug;
  if (typeof slug !== 'string') return null;
  if (entry.resourceType === 'organization') return `/organizations/${slug}`;
  if (entry.resourceType === 'area') return `/areas/${slug}`;
  return null;
}

export function ResourceText({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const label = dataLabel(entry, language);
  const link = resourceLink(entry);
  const type = resourceTypeLabel(t, entry.resourceType);
  if (!label) return <>{type}</>;
  return (
    <>
      {type}
      {t('common.colon')}
      {link ? <Link to={link}>{label}</Link> : label}
    </>
  );
}

/** "Official · Director · Transport Bureau (Wang Fang)". */
export function actorText(
  t: TFunction,
  actor: AuditActor | null,
  pick: (en: string, zh: string | null | undefined) => string,
): string {
  if (!actor) return t('audit.actorSystem');
  const parts = [actorRoleLabel(t, actor.role)];
  if (actor.postTitle) parts.push(pick(actor.postTitle, actor.postTitleZh));
  if (actor.organizationName) parts.push(pick(actor.organizationName, actor.organizationNameZh));
  const text = parts.join(' · ');
  return actor.displayName ? `${text} (${actor.displayName})` : text;
}

/** A short list of recent public activity, for the home and organization pages. */
export function ActivityList({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const { dateTime, pick, language } = useLocalize();
  if (entries.length === 0) return <p className="text-base">{t('audit.noActivity')}</p>;
  return (
    <ul className="usa-list usa-list--unstyled civitas-activity">
      {entries.map((entry) => (
        <li key={entry.seq} className="civitas-activity__item">
          <span className="civitas-activity__what">
            <strong>{actionLabel(t, entry.action)}</strong>
            {dataLabel(entry, language) ? (
              <>
                {' — '}
                <ResourceText entry={entry} />
              </>
            ) : null}
          </span>
          <span className="civitas-activity__meta">
            <time dateTime={entry.at}>{dateTime(entry.at)}</time> · {actorText(t, entry.actor, pick)}
          </span>
        </li>
      ))}
    </ul>
  );
}
