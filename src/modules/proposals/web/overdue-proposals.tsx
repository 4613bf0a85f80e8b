/**
 * The public list of overdue answers to proposals, for a department's page (`departmentId`) or
 * the whole installation: each with how many working days late it is, in red.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { proposalUrl, type OverdueItem } from './types.js';

export function OverdueProposals({ departmentId, headingLevel = 2 }: { departmentId?: string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const { title, date } = useLocalize();
  const list = useLoad(() => api.get<{ proposals: OverdueItem[] }>('/proposals/overdue', { departmentId }), [departmentId]);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `overdue-proposals-${departmentId ?? 'all'}`;
  return (
    <section aria-labelledby={headingId} className="margin-y-3" data-testid="overdue-proposals">
      <Heading id={headingId}>{t('proposals.overdue.heading')}</Heading>
      <p className="text-base">{t('proposals.overdue.intro')}</p>
      <ApiErrorAlert error={list.error} focus={false} />
      {list.data && list.data.proposals.length === 0 ? <p>{t('proposals.overdue.none')}</p> : null}
      {list.data && list.data.proposals.length > 0 ? (
        <ul className="usa-list usa-list--unstyled">
          {list.data.proposals.map((p) => (
            <li key={p.id} className="civitas-activity__item">
              <Link className="civitas-activity__what usa-link" to={proposalUrl(p.process.slug, p.id)}>
                {p.title}
              </Link>
              <span className="civitas-activity__meta">
                <strong className="text-error-dark">{t('proposals.deadline.overdue', { count: p.overdueWorkingDays })}</strong> ·{' '}
                {t('proposals.overdue.item', { process: title(p.process), date: date(new Date(new Date(p.dueAt).getTime() - 1).toISOString()) })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
