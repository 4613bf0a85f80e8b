/**
 * The debates of one process: filters and search (English and Chinese), the list with how each
 * debate is going, and the form to start one while the process allows it.
 */
import { Pager } from '../../../../web/src/ui/pager.js';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Button, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { SelectField, TextAreaField, TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useDraft } from '../../../../web/src/ui/use-draft.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { CommentCounts, DebateAuthor, DebateStatusTag } from './parts.js';
import type { Authorship, DebateList } from './types.js';

const PAGE_SIZE = 20;

export function DebatesPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { title, dateTime, date, number } = useLocalize();
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const filters = {
    q: params.get('q') ?? '',
    status: params.get('status') ?? '',
    category: params.get('category') ?? '',
    sort: params.get('sort') ?? 'newest',
    mine: params.get('mine') === 'true',
  };
  const list = useLoad(
    () =>
      api.get<DebateList>(`/processes/${encodeURIComponent(slug)}/debates`, {
        q: filters.q || undefined,
        status: filters.status || undefined,
        category: filters.category || undefined,
        sort: filters.sort,
        mine: filters.mine ? 'true' : undefined,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [slug, params.toString(), session?.user?.id],
  );
  const data = list.data;
  usePageTitle(data ? `${t('debates.title')} · ${title(data.process)}` : t('debates.title'));

  const [search, setSearch] = useState(filters.q);
  const apply = (next: Partial<typeof filters> & { page?: number }) => {
    const merged = { ...filters, ...next };
    const out = new URLSearchParams();
    if (merged.q) out.set('q', merged.q);
    if (merged.status) out.set('status', merged.status);
    if (merged.category) out.set('category', merged.category);
    if (merged.sort && merged.sort !== 'newest') out.set('sort', merged.sort);
    if (merged.mine) out.set('mine', 'true');
    if (next.page && next.page > 1) out.set('page', String(next.page));
    setParams(out);
  };

  if (list.error && !data) return <ApiErrorAlert error={list.error} />;
  if (!data) return <Loading />;
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));

  return (
    <>
      <p className="margin-bottom-0">
        <Link to={`/processes/${slug}`}>{t('debates.backToProcess')}</Link>
      </p>
      <h1>{t('debates.title')}</h1>
      <p className="civitas-lead margin-top-0">{title(data.process)}</p>
      <p className="usa-intro">{t('debates.intro')}</p>
      <p>
        {data.creating.open && data.creating.until ? t('debates.creatingOpen', { date: dateTime(data.creating.until) }) : t('debates.creatingClosed')}{' '}
        {data.commenting.open && data.commenting.until ? t('debates.commentingOpen', { date: dateTime(data.commenting.until) }) : t('debates.commentingClosed')}
      </p>

      <div className="grid-row grid-gap-lg">
        <div className="grid-col-12 desktop:grid-col-8">
          <section aria-labelledby="debate-filters">
            <h2 id="debate-filters" className="usa-sr-only">
              {t('debates.filters.heading')}
            </h2>
            <form
              className="usa-search usa-search--small margin-bottom-2"
              role="search"
              aria-label={t('debates.filters.search')}
              onSubmit={(event) => {
                event.preventDefault();
                apply({ q: search.trim() });
              }}
            >
              <label className="usa-sr-only" htmlFor="debate-search">
                {t('debates.filters.search')}
              </label>
              <input className="usa-input" id="debate-search" type="search" name="q" value={search} onChange={(e) => setSearch(e.target.value)} />
              <button className="usa-button" type="submit">
                <span className="usa-search__submit-text">{t('debates.filters.searchButton')}</span>
              </button>
            </form>
            <div className="usa-form maxw-full civitas-filters">
              {(
                [
                  ['status', t('debates.filters.status'), [['', t('debates.filters.anyStatus')], ['open', t('debates.status.open')], ['closed', t('debates.status.closed')]]],
                  ['category', t('debates.filters.category'), [['', t('debates.filters.anyCategory')], ...data.categories.map((c) => [c, c])]],
                  ['sort', t('debates.filters.sort'), [['newest', t('debates.filters.newest')], ['most_commented', t('debates.filters.mostCommented')]]],
                ] as [keyof typeof filters & ('status' | 'category' | 'sort'), string, string[][]][]
              ).map(([key, label, options]) => (
                <div className="usa-form-group" key={key}>
                  <label className="usa-label" htmlFor={`debate-${key}`}>
                    {label}
                  </label>
                  <select className="usa-select" id={`debate-${key}`} name={key} value={filters[key]} onChange={(e) => apply({ [key]: e.target.value })}>
                    {options.map(([value, text]) => (
                      <option key={value} value={value}>
                        {text}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </div>
            {session?.user ? (
              <div className="usa-checkbox margin-top-2">
                <input className="usa-checkbox__input" id="debate-mine" type="checkbox" checked={filters.mine} onChange={(e) => apply({ mine: e.target.checked })} />
                <label className="usa-checkbox__label" htmlFor="debate-mine">
                  {t('debates.filters.mine')}
                </label>
              </div>
            ) : null}
          </section>

          <section aria-labelledby="debate-results" className="margin-top-3">
            <h2 id="debate-results" aria-live="polite">
              {t('debates.count', { count: data.total, formatted: number(data.total) })}
            </h2>
            {list.loading ? <Loading /> : null}
            {data.debates.length === 0 ? <p>{t('debates.empty')}</p> : null}
            <ul className="usa-list usa-list--unstyled">
              {data.debates.map((debate) => (
                <li key={debate.id} className="border-bottom-1px border-base-lighter padding-y-2">
                  <h3 className="margin-y-05">
                    <Link to={`/processes/${slug}/debates/${debate.id}`}>{debate.title}</Link>
                  </h3>
                  <DebateStatusTag debate={debate} />
                  <p className="margin-y-05 text-base-dark">
                    <DebateAuthor author={debate.author} /> · <time dateTime={debate.createdAt}>{date(debate.createdAt)}</time>
                    {debate.category ? <> · {debate.category}</> : null}
                  </p>
                  <p className="margin-y-05 civitas-clamp">{debate.description}</p>
                  <p className="margin-y-05 font-ui-xs">
                    <CommentCounts comments={debate.comments} />
                  </p>
                </li>
              ))}
            </ul>
            <Pager page={page} pages={pages} onPage={(n) => apply({ page: n })} />
          </section>
        </div>

        <div className="grid-col-12 desktop:grid-col-4">
          {data.creating.open ? (
            <section aria-labelledby="debate-new" className="civitas-panel margin-bottom-4">
              <h2 id="debate-new">{t('debates.new.heading')}</h2>
              {!session?.user ? (
                <p>
                  <Link to="/signin" state={{ from: `/processes/${slug}/debates` }}>
                    {t('debates.new.signIn')}
                  </Link>
                </p>
              ) : data.authorships.length === 0 ? (
                <p>
                  {t('debates.new.notAllowed')} <Link to="/verify">{t('debates.new.verify')}</Link>
                </p>
              ) : (
                <NewDebateForm slug={slug} authorships={data.authorships} />
              )}
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}

const asValue = (a: Authorship) => `${a.kind}:${a.id ?? ''}`;

/** Title, description, category and in whose name; kept across errors and reloads until it is sent. */
function NewDebateForm({ slug, authorships }: { slug: string; authorships: Authorship[] }) {
  const { t } = useTranslation();
  const { pick } = useLocalize();
  const navigate = useNavigate();
  const [form, setForm, clear] = useDraft(`debate-new-${slug}`, { as: asValue(authorships[0]!), title: '', description: '', category: '' });
  const chosen = authorships.find((a) => asValue(a) === form.as) ?? authorships[0]!;
  const submit = useAction(async () => {
    const created = await api.post<{ id: string }>(`/processes/${encodeURIComponent(slug)}/debates`, {
      title: form.title,
      description: form.description,
      category: form.category.trim() || null,
      organizationId: chosen.kind === 'organization' ? chosen.id : null,
      postId: chosen.kind === 'post' ? chosen.id : null,
    });
    clear();
    navigate(`/processes/${slug}/debates/${created.id}`);
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit.run();
  };
  const label = (a: Authorship) => {
    const name = pick(a.name, a.nameZh);
    if (a.kind === 'organization') return t('debates.new.asOrganization', { name });
    if (a.kind === 'post') return t('debates.new.asPost', { name });
    return t('debates.new.asSelf', { name });
  };
  return (
    <>
      <ApiErrorAlert error={submit.error} />
      <Form onSubmit={onSubmit} noValidate aria-label={t('debates.new.heading')} className="maxw-full">
        {authorships.length > 1 ? (
          <SelectField
            id="debate-as"
            name="as"
            errorPath="organizationId"
            label={t('debates.new.as')}
            value={asValue(chosen)}
            onChange={(as) => setForm((f) => ({ ...f, as }))}
            options={authorships.map((a) => ({ value: asValue(a), label: label(a) }))}
            error={submit.error}
          />
        ) : (
          <p className="margin-bottom-0">{label(chosen)}</p>
        )}
        <TextField id="debate-title" name="title" label={t('debates.new.title')} hint={t('debates.new.titleHint')} maxLength={200} value={form.title} onChange={(title) => setForm((f) => ({ ...f, title }))} error={submit.error} />
        <TextAreaField
          id="debate-description"
          name="description"
          label={t('debates.new.description')}
          hint={t('debates.new.descriptionHint')}
          maxLength={10000}
          value={form.description}
          onChange={(description) => setForm((f) => ({ ...f, description }))}
          error={submit.error}
        />
        <TextField id="debate-category" name="category" label={t('debates.new.category')} hint={t('debates.new.categoryHint')} optional maxLength={60} value={form.category} onChange={(category) => setForm((f) => ({ ...f, category }))} error={submit.error} />
        <Button type="submit" disabled={submit.pending}>
          {t('debates.new.submit')}
        </Button>
      </Form>
    </>
  );
}
