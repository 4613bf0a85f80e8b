/** A department's record on reports as figures, each with a plain-language label (the numbers are the text). */
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import type { RecordNumbers } from './types.js';

export function percent(share: number | null, format: (n: number) => string): string {
  return share === null ? '–' : `${format(Math.round(share * 100))}%`;
}

export function RecordFigures({ record }: { record: RecordNumbers }) {
  const { t } = useTranslation();
  const { number } = useLocalize();
  return (
    <dl className="civitas-stats" data-testid="record">
      <div>
        <dt>{t('reports.record.received')}</dt>
        <dd>{number(record.received)}</dd>
      </div>
      <div>
        <dt>{t('reports.record.fixedOnTime')}</dt>
        <dd>{percent(record.fixedOnTimeShare, number)}</dd>
      </div>
      <div>
        <dt>{t('reports.record.medianDays')}</dt>
        <dd>{record.medianWorkingDaysToFix === null ? '–' : number(record.medianWorkingDaysToFix)}</dd>
      </div>
      <div>
        <dt>{t('reports.record.reopened')}</dt>
        <dd>{percent(record.reopenedShare, number)}</dd>
      </div>
      <div>
        <dt>{t('reports.record.overdueNow')}</dt>
        <dd className={record.overdueNow > 0 ? 'text-error-dark' : undefined}>{number(record.overdueNow)}</dd>
      </div>
    </dl>
  );
}

/** The sentence under the figures: how the shares are counted. */
export function RecordExplanation({ record }: { record: RecordNumbers }) {
  const { t } = useTranslation();
  const { number } = useLocalize();
  return (
    <p className="text-base margin-top-2">
      {t('reports.record.explain', {
        fixed: number(record.fixed),
        onTime: number(record.fixedOnTime),
        open: number(record.open),
        reopened: number(record.reopened),
        transferred: number(record.transferredAway),
      })}
    </p>
  );
}
