/** Two versions of a draft regulation side by side, clause by clause, with the changed words marked. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Button, Tag } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { DiffView } from './parts.js';
import type { Comparison, RegulationDetail } from './types.js';

const statusClass = { added: 'civitas-tag--verified', removed: 'civitas-tag--rejected', changed: 'civitas-tag--pending', unchanged: 'bg-base' } as const;

export function ComparePage() {
  const { slug = '', id = '' } = useParams();
  const { t } = useTranslation();
  const { pick, language, date } = useLocalize();
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const detail = useLoad(() => api.get<RegulationDetail>(`/regulations/${encodeURIComponent(id)}`), [id]);
  const versions = detail.data?.versions ?? [];
  const fallbackTo = to || String(detail.data?.regulation.currentVersion ?? '');
  const fallbackFrom = from || String(Math.max(1, Number(fallbackTo) - 1));
  const comparison = useLoad(
    () => api.get<Comparison>(`/regulations/${encodeURIComponent(id)}/compare`, { from: fallbackFrom, to: fallbackTo }),
    [id, fallbackFrom, fallbackTo],
    Boolean(detail.data && fallbackTo),
  );
  const [choice, setChoice] = useState({ from: '', to: '' });
  const [onlyChanged, setOnlyChanged] = useState(false);
  usePageTitle(t('regulations.compare.title'));

  if (detail.error && !detail.data) return <ApiErrorAlert error={detail.error} />;
  if (!detail.data) return <Loading />;
  const data = comparison.data;
  const versionLabel = (n: number) => {
    const v = versions.find((x) => x.number === n);
    return v?.status === 'draft' ? t('regulations.page.draftOption', { number: n }) : t('regulations.page.versionOption', { number: n, date: v?.publishedAt ? date(v.publishedAt) : '' });
  };
  const zhFirst = language === 'zh-CN';

  return (
    <>
      <p className="margin-bottom-0">
        <Link to={`/processes/${slug}/regulations/${id}`}>{t('regulations.backToRegulation')}</Link>
      </p>
      <h1>{t('regulations.compare.title')}</h1>
      <p className="civitas-lead margin-top-0">{pick(detail.data.regulation.title, detail.data.regulation.titleZh)}</p>
      <form
        className="usa-form maxw-full civitas-filters"
        aria-label={t('regulations.compare.title')}
        onSubmit={(event) => {
          event.preventDefault();
          setParams({ from: choice.from || fallbackFrom, to: choice.to || fallbackTo });
        }}
      >
        {(['from', 'to'] as const).map((side) => (
          <div className="usa-form-group" key={side}>
            <label className="usa-label" htmlFor={`compare-${side}`}>
              {t(`regulations.compare.${side}`)}
            </label>
            <select
              className="usa-select"
              id={`compare-${side}`}
              name={side}
              value={choice[side] || (side === 'from' ? fallbackFrom : fallbackTo)}
              onChange={(e) => setChoice((c) => ({ ...c, [side]: e.target.value }))}
            >
              {versions.map((v) => (
                <option key={v.number} value={String(v.number)}>
                  {versionLabel(v.number)}
                </option>
              ))}
            </select>
          </div>
        ))}
        <Button type="submit">{t('regulations.compare.show')}</Button>
      </form>
      <ApiErrorAlert error={comparison.error} focus={false} />
      {comparison.loading && !data ? <Loading /> : null}
      {data ? (
        <section aria-labelledby="compare-result" className="margin-top-3">
          <h2 id="compare-result" aria-live="polite">
            {t('regulations.compare.summary', data.summary)}
          </h2>
          <p className="usa-hint">{t('regulations.compare.legend')}</p>
          <div className="usa-checkbox margin-bottom-2">
            <input className="usa-checkbox__input" id="compare-only-changed" type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} />
            <label className="usa-checkbox__label" htmlFor="compare-only-changed">
              {t('regulations.compare.onlyChanged')}
            </label>
          </div>
          {data.clauses
            .filter((c) => !onlyChanged || c.status !== 'unchanged')
            .map((c) => {
              const clause = c.to ?? c.from!;
              const label = pick(clause.label, clause.labelZh);
              const primary = zhFirst && c.diffZh ? c.diffZh : c.diff;
              const secondary = zhFirst && c.diffZh ? c.diff : c.diffZh;
              const wholeText = zhFirst && clause.textZh ? clause.textZh : clause.text;
              return (
                <article key={c.clauseId} className="border-top-1px border-base-lighter padding-y-2" aria-label={label} data-testid="compared-clause">
                  <h3 className="margin-y-1">
                    {label}{' '}
                    <Tag className={`civitas-tag ${statusClass[c.status]}`}>{t(`regulations.compare.status.${c.status}`)}</Tag>
                    {c.moved ? <> <Tag className="civitas-tag bg-base-dark">{t('regulations.compare.moved')}</Tag></> : null}
                  </h3>
                  {c.labelChanged && c.from ? <p className="usa-hint margin-y-05">{t('regulations.compare.renamed', { label: pick(c.from.label, c.from.labelZh) })}</p> : null}
                  {c.status === 'added' ? (
                    <DiffView parts={[{ op: 'insert', text: wholeText }]} />
                  ) : c.status === 'removed' ? (
                    <DiffView parts={[{ op: 'delete', text: wholeText }]} />
                  ) : primary ? (
                    <DiffView parts={primary} lang={zhFirst && c.diffZh ? 'zh-CN' : 'en'} />
                  ) : null}
                  {secondary && c.status === 'changed' ? (
                    <details className="margin-y-1">
                      <summary>{zhFirst ? t('regulations.compare.english') : t('regulations.compare.chinese')}</summary>
                      <DiffView parts={secondary} lang={zhFirst ? 'en' : 'zh-CN'} />
                    </details>
                  ) : null}
                </article>
              );
            })}
        </section>
      ) : null}
    </>
  );
}
