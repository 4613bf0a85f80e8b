/**
 * Commitments and programs: the public list with search and filters (status, kind, image projects,
 * the selected area and below), each with its progress, spending against plan and residents' rating.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Button, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useAreas } from '../../../../web/src/app/areas.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { SelectField, TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { Pager } from '../../../../web/src/ui/pager.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { ImageTag, StatusTag, useFormats } from './parts.js';
import { commitmentUrl, type CommitmentList } from './types.js';

const PAGE = 20;
const STATUSES = ['proposed', 'in_consultation', 'adopted', 'in_progress', 'completed', 'cancelled'] as const;

export function CommitmentsPage() {
  const { t } = useTranslation();
  const { name, pick, date } = useLocalize();
  const { money, rating } = useFormats();
  const areas = useAreas();
  const [params, setParams] = useSearchParams();
  const applied = { q: params.get('q') ?? '', status: params.get('status') ?? '', kind: params.get('kind') ?? '', flagged: params.get('flagged') === 'true' };
  const [form, setForm] = useState(applied);
  const page = Math.max(1, Number(params.get('page') ?? 1));
  const area = areas.bySlug(areas.selectedSlug);
  usePageTitle(t('accountability.list.title'));
  const list = useLoad(
    () =>
      api.get<CommitmentList>('/commitments', {
        q: applied.q || undefined,
        status: applied.status || undefined,
        kind: applied.kind || undefined,
        flagged: applied.flagged ? 'true' : undefined,
        areaId: area?.id,
        limit: PAGE,
        offset: (page - 1) * PAGE,
      }),
    [params.toString(), area?.id],
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (form.q) next.set('q', form.q);
    if (form.status) next.set('status', form.status);
    if (form.kind) next.set('kind', form.kind);
    if (form.flagged) next.set('flagged', 'true');
    setParams(next);
  }

  const rows = list.data?.commitments ?? [];
  const pages = Math.ceil((list.data?.total ?? 0) / PAGE);
  return (
    <>
      <div className="civitas-page-head">
        <h1>{t('accountability.list.title')}</h1>
        <p className="civitas-lead">{t('accountability.list.intro')}</p>
        <p className="margin-0">
          <Link to="/scorecards">{t('accountability.nav.scorecards')}</Link>
          {list.data?.abilities.create ? (
            <>
              {' · '}
              <Link to="/commitments/new" className="text-bold">
                {t('accountability.list.register')}
              </Link>
            </>
          ) : null}
        </p>
      </div>
      <Form onSubmit={submit} large className="civitas-filters maxw-full margin-bottom-3">
        <TextField id="commitments-q" name="q" type="search" label={t('accountability.list.search')} optional value={form.q} onChange={(q) => setForm({ ...form, q })} />
        <SelectField
          id="commitments-status"
          name="status"
          label={t('accountability.list.status')}
          optional
          emptyLabel={t('accountability.list.any')}
          value={form.status}
          onChange={(status) => setForm({ ...form, status })}
          options={STATUSES.map((s) => ({ value: s, label: t(`accountability.status.${s}`) }))}
        />
        <SelectField
          id="commitments-kind"
          name="kind"
          label={t('accountability.list.kind')}
          optional
          emptyLabel={t('accountability.list.any')}
          value={form.kind}
          onChange={(kind) => setForm({ ...form, kind })}
          options={(['commitment', 'innovation_program'] as const).map((k) => ({ value: k, label: t(`accountability.kind.${k}`) }))}
        />
        <div className="usa-checkbox margin-top-2">
          <input className="usa-checkbox__input" id="commitments-flagged" type="checkbox" checked={form.flagged} onChange={(e) => setForm({ ...form, flagged: e.target.checked })} />
          <label className="usa-checkbox__label" htmlFor="commitments-flagged">
            {t('accountability.list.flaggedOnly')}
          </label>
        </div>
        <Button type="submit" className="margin-top-2">
          {t('accountability.list.apply')}
        </Button>
      </Form>
      {area ? <p className="text-base">{t('accountability.list.inArea', { area: name(area) })}</p> : null}
      <ApiErrorAlert error={list.error} focus={false} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && rows.length === 0 ? <p>{t('accountability.list.empty')}</p> : null}
      <ul className="usa-list usa-list--unstyled" data-testid="commitment-list">
        {rows.map((c) => (
          <li key={c.id} className="border-bottom border-base-lighter padding-y-2">
            <h2 className="font-heading-md margin-0">
              <Link to={commitmentUrl(c.id)}>{pick(c.title, c.titleZh)}</Link>
            </h2>
            <p className="margin-y-1">
              <StatusTag status={c.status} /> {c.imageProject ? <ImageTag /> : null} <span className="text-base">{t(`accountability.kind.${c.kind}`)}</span>
              {c.late ? <strong className="text-error-dark"> · {t('accountability.detail.late')}</strong> : null}
            </p>
            <p className="margin-0 font-ui-xs">
              {name(c.department)} · {t('accountability.list.until', { date: date(c.plannedEnd) })} · {t('accountability.list.progress', { progress: c.progress })} ·{' '}
              {t('accountability.list.spent', { spent: money(c.spent, c.currency), planned: money(c.plannedBudget, c.currency) })}
              {c.ratings > 0 ? <> · {t('accountability.list.rating', { rating: rating(c.averageRating), count: c.ratings })}</> : null}
            </p>
          </li>
        ))}
      </ul>
      <Pager
        page={page}
        pages={pages}
        onPage={(n) => {
          const next = new URLSearchParams(params);
          next.set('page', String(n));
          setParams(next);
        }}
      />
    </>
  );
}
