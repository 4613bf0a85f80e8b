/** Small pieces the accountability pages share: status tags, money, shares, ratings and metric values. */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Tag } from '@trussworks/react-uswds';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import type { CommitmentStatus } from './types.js';

const STATUS_CLASS: Record<CommitmentStatus, string> = {
  proposed: 'bg-base-dark',
  in_consultation: 'bg-accent-cool-darker',
  adopted: 'bg-primary',
  in_progress: 'bg-primary-darker',
  completed: 'bg-green',
  cancelled: 'bg-base-darkest',
};

export function StatusTag({ status }: { status: CommitmentStatus }) {
  const { t } = useTranslation();
  return (
    <Tag className={STATUS_CLASS[status]} data-testid="commitment-status">
      {t(`accountability.status.${status}`)}
    </Tag>
  );
}

export function ImageTag() {
  const { t } = useTranslation();
  return (
    <Tag className="bg-secondary-darker" data-testid="image-project-tag">
      {t('accountability.image.tag')}
    </Tag>
  );
}

/** Formats numbers as money, shares, ratings and metric values in the page's language. */
export function useFormats() {
  const { language } = useLocalize();
  const { t } = useTranslation();
  const formats = useMemo(
    () => ({
      percent: new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }),
      decimal: new Intl.NumberFormat(language, { maximumFractionDigits: 1 }),
      rating: new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    }),
    [language],
  );
  const money = useCallback(
    (value: number, currency = 'CNY') => new Intl.NumberFormat(language, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value),
    [language],
  );
  const share = useCallback((value: number | null) => (value === null ? t('accountability.none') : formats.percent.format(value)), [formats, t]);
  const rating = useCallback((value: number | null) => (value === null ? t('accountability.none') : formats.rating.format(value)), [formats, t]);
  /** A metric value in its unit ("83%", "4.2", "3 days", "¥12,000"); "—" when there is nothing to measure. */
  const metric = useCallback(
    (value: number | null, unit: string) => {
      if (value === null) return t('accountability.none');
      if (unit === 'share') return formats.percent.format(value);
      if (unit === 'rating') return formats.rating.format(value);
      if (unit === 'days') return t('accountability.scorecards.days', { count: value, formatted: formats.decimal.format(value) });
      if (unit === 'money') return money(value);
      return formats.decimal.format(value);
    },
    [formats, money, t],
  );
  return { money, share, rating, metric, decimal: (v: number) => formats.decimal.format(v) };
}

/** A labelled horizontal bar: done out of total (progress, spend against plan). */
export function Meter({ label, value, max, text, tone = 'primary', testId }: { label: string; value: number; max: number; text: string; tone?: 'primary' | 'warning' | 'success'; testId?: string }) {
  const share = max > 0 ? Math.min(1, value / max) : 0;
  const color = tone === 'warning' ? '#d54309' : tone === 'success' ? '#00a91c' : '#005ea2';
  return (
    <div className="margin-bottom-2" data-testid={testId}>
      <div className="display-flex flex-justify font-ui-xs">
        <span className="text-bold">{label}</span>
        <span>{text}</span>
      </div>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={Math.min(value, max)}
        aria-valuetext={text}
        style={{ height: '0.75rem', background: '#f0f0f0', border: '1px solid #a9aeb1', marginTop: '0.25rem' }}
      >
        <div style={{ width: `${Math.round(share * 100)}%`, height: '100%', background: color }} />
      </div>
    </div>
  );
}
