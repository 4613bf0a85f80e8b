/**
 * Writing a proposal, new or edited: title, text, area (within the process's area), category with
 * suggestions, optional location, co-authors by e-mail and partner organizations, and for
 * representatives on whose behalf. What was typed stays on errors (and, for a new proposal, across
 * a reload or a detour through sign-in); the server's messages appear next to each field.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, ErrorMessage, Fieldset, Form } from '@trussworks/react-uswds';
import { api, type ApiError } from '../../../../web/src/api.js';
import { useAreas } from '../../../../web/src/app/areas.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { Field, SelectField, TextAreaField, TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { AttachmentsField, type Attachment } from '../../../../web/src/ui/attachments.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { SignInRequired } from '../../../../web/src/ui/sign-in-required.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useDraft } from '../../../../web/src/ui/use-draft.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { proposalUrl, type ProposalDetail, type ProposalList } from './types.js';

interface Partner {
  id: string;
  slug: string;
  name: string;
  nameZh: string | null;
}

interface Values {
  organizationId: string;
  title: string;
  body: string;
  areaId: string;
  category: string;
  address: string;
  latitude: string;
  longitude: string;
  /** New co-authors, one e-mail per line. */
  coauthorEmails: string;
  /** Current co-authors who stay (editing). */
  keepCoauthorIds: string[];
  partners: Partner[];
  attachments: Attachment[];
}

const empty: Values = { organizationId: '', title: '', body: '', areaId: '', category: '', address: '', latitude: '', longitude: '', coauthorEmails: '', keepCoauthorIds: [], partners: [], attachments: [] };

function valuesOf(detail: ProposalDetail): Values {
  const p = detail.proposal;
  return {
    organizationId: p.author.organization?.id ?? '',
    title: p.title,
    body: p.body,
    areaId: p.areaId ?? '',
    category: p.category ?? '',
    address: p.location?.address ?? '',
    latitude: p.location?.latitude?.toString() ?? '',
    longitude: p.location?.longitude?.toString() ?? '',
    coauthorEmails: '',
    keepCoauthorIds: p.coauthors.map((c) => c.id),
    partners: p.coalition,
    attachments: p.attachments,
  };
}

function coordinate(text: string): number | null {
  return text.trim() === '' ? null : Number(text.replace(',', '.'));
}

/** Messages of list items (`coauthorEmails.2`), next to the list's field. */
function listMessages(error: ApiError | null, prefix: string, labels: string[]): string | undefined {
  const items = error?.fields.filter((f) => f.path === prefix || f.path.startsWith(`${prefix}.`)) ?? [];
  if (items.length === 0) return undefined;
  return items
    .map((f) => {
      const index = Number(f.path.split('.')[1]);
      const label = Number.isInteger(index) ? labels[index] : undefined;
      return label ? `${label}: ${f.message}` : f.message;
    })
    .join(' ');
}

export function ProposalFormPage() {
  const { slug = '', id } = useParams();
  const editing = Boolean(id);
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const user = session?.user ?? null;
  const { rows, lineage } = useAreas();
  const { title: localTitle, name } = useLocalize();

  const info = useLoad(() => api.get<ProposalList>(`/processes/${encodeURIComponent(slug)}/proposals`, { limit: 1 }), [slug, user?.id], session !== null);
  const existing = useLoad(() => api.get<ProposalDetail>(`/proposals/${encodeURIComponent(id ?? '')}`), [id, user?.id], editing && session !== null);
  const organizations = useLoad(() => api.get<{ organizations: (Partner & { sector: string })[] }>('/organizations', { status: 'verified', limit: 200 }), []);

  const [draft, setDraft, clearDraft] = useDraft<Values>(`proposal:new:${slug}`, empty);
  const [edited, setEdited] = useState<Values | null>(null);
  useEffect(() => {
    if (editing && existing.data && edited === null) setEdited(valuesOf(existing.data));
  }, [editing, existing.data, edited]);
  const values = editing ? (edited ?? empty) : draft;
  const set = (patch: Partial<Values>) => (editing ? setEdited({ ...values, ...patch }) : setDraft({ ...values, ...patch }));

  const process = info.data?.process;
  usePageTitle(editing ? t('proposals.form.editTitle') : t('proposals.form.newTitle'));

  // A representative who is not a verified resident can only propose for an organization.
  const representedFirst = info.data?.organizations[0]?.id ?? '';
  const organizationId = values.organizationId || (user?.verified ? '' : representedFirst);
  const emails = values.coauthorEmails.split(/[\n,;]+/).map((e) => e.trim()).filter(Boolean);
  const save = useAction(async (publish: boolean) => {
    const fields = {
      title: values.title,
      body: values.body,
      areaId: values.areaId || null,
      category: values.category.trim() || null,
      address: values.address.trim() || null,
      latitude: coordinate(values.latitude),
      longitude: coordinate(values.longitude),
      coauthorEmails: emails,
      coalitionOrganizationIds: values.partners.map((p) => p.id),
      attachmentIds: (values.attachments ?? []).map((a) => a.id),
    };
    if (editing && id) {
      await api.patch(`/proposals/${id}`, { ...fields, coauthorIds: values.keepCoauthorIds });
      navigate(proposalUrl(slug, id));
    } else {
      const created = await api.post<{ id: string }>(`/processes/${slug}/proposals`, { ...fields, organizationId: organizationId || null, publish });
      clearDraft();
      navigate(proposalUrl(slug, created.id));
    }
  });

  if (session && !user) return <SignInRequired />;
  const loadError = info.error ?? existing.error;
  if (loadError) return <ApiErrorAlert error={loadError} />;
  if (!info.data || !process || (editing && (!existing.data || !edited))) return <Loading />;
  const mayWrite = editing ? existing.data!.abilities.edit : info.data.abilities.create;
  const cancelTo = editing && id ? proposalUrl(slug, id) : `/processes/${slug}/proposals`;

  const areaOptions = rows
    .filter((r) => !process.areaId || lineage(r.area.id).some((a) => a.id === process.areaId))
    .map((r) => ({ value: r.area.id, label: `${'\u2003'.repeat(r.depth)}${name(r.area)}` }));
  const partnerChoices = (organizations.data?.organizations ?? []).filter((o) => o.sector !== 'government' && !values.partners.some((p) => p.id === o.id) && o.id !== organizationId);
  const error = save.error;
  const coauthorError = listMessages(error, 'coauthorEmails', emails);
  const partnerError = listMessages(error, 'coalitionOrganizationIds', values.partners.map((p) => name(p)));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void save.run(submitter?.value === 'publish');
  };

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={`/processes/${slug}/proposals`}>{t('proposals.form.in', { process: localTitle(process) })}</Link>
        </p>
        <h1>{editing ? t('proposals.form.editTitle') : t('proposals.form.newTitle')}</h1>
      </div>
      {!mayWrite ? (
        <p data-testid="form-not-allowed">{editing ? t('proposals.form.notAllowed') : (info.data.createBlocked?.message ?? t('proposals.form.notAllowed'))}</p>
      ) : (
        <Form onSubmit={submit} noValidate className="maxw-tablet-lg" aria-label={editing ? t('proposals.form.editTitle') : t('proposals.form.newTitle')}>
          <ApiErrorAlert error={error} />
          {!editing && info.data.organizations.length > 0 ? (
            <SelectField
              id="proposal-as"
              name="organizationId"
              label={t('proposals.form.proposeAs')}
              options={[
                ...(user?.verified ? [{ value: '', label: t('proposals.form.myself') }] : []),
                ...info.data.organizations.map((o) => ({ value: o.id, label: t('proposals.form.forOrganization', { organization: name(o) }) })),
              ]}
              value={organizationId}
              onChange={(organizationId) => set({ organizationId })}
              error={error}
            />
          ) : null}
          <TextField id="proposal-title" name="title" label={t('proposals.form.title')} hint={t('proposals.form.titleHint')} maxLength={150} value={values.title} onChange={(title) => set({ title })} error={error} />
          <TextAreaField id="proposal-body" name="body" label={t('proposals.form.body')} hint={t('proposals.form.bodyHint')} maxLength={10_000} value={values.body} onChange={(body) => set({ body })} error={error} />
          <SelectField
            id="proposal-area"
            name="areaId"
            label={t('proposals.form.area')}
            optional
            emptyLabel={t('proposals.form.noArea')}
            options={areaOptions}
            value={values.areaId}
            onChange={(areaId) => set({ areaId })}
            error={error}
          />
          <Field id="proposal-category" label={t('proposals.form.category')} hint={t('proposals.form.categoryHint')} optional error={error?.fieldMessage('category')}>
            {(control) => (
              <>
                <input
                  {...control}
                  className={error?.fieldMessage('category') ? 'usa-input usa-input--error' : 'usa-input'}
                  name="category"
                  list="proposal-category-suggestions"
                  maxLength={60}
                  value={values.category}
                  onChange={(e) => set({ category: e.target.value })}
                />
                <datalist id="proposal-category-suggestions">
                  {info.data!.categories.map((c) => (
                    <option key={c} value={c} />
                  ))}
                </datalist>
              </>
            )}
          </Field>

          <Fieldset legend={t('proposals.form.location')} className="margin-top-3">
            <p className="usa-hint">{t('proposals.form.locationHint')}</p>
            <TextField id="proposal-address" name="address" label={t('proposals.form.address')} optional maxLength={300} value={values.address} onChange={(address) => set({ address })} error={error} />
            <div className="grid-row grid-gap">
              <div className="grid-col-12 tablet:grid-col-6">
                <TextField id="proposal-latitude" name="latitude" type="number" label={t('proposals.form.latitude')} optional value={values.latitude} onChange={(latitude) => set({ latitude })} error={error} />
              </div>
              <div className="grid-col-12 tablet:grid-col-6">
                <TextField id="proposal-longitude" name="longitude" type="number" label={t('proposals.form.longitude')} optional value={values.longitude} onChange={(longitude) => set({ longitude })} error={error} />
              </div>
            </div>
          </Fieldset>

          <Fieldset legend={t('proposals.form.coauthors')} className="margin-top-3">
            {editing && existing.data!.proposal.coauthors.length > 0 ? (
              <Fieldset legend={t('proposals.form.currentCoauthors')} legendStyle="default">
                {existing.data!.proposal.coauthors.map((c) => (
                  <div className="usa-checkbox" key={c.id}>
                    <input
                      className="usa-checkbox__input"
                      id={`keep-${c.id}`}
                      type="checkbox"
                      checked={values.keepCoauthorIds.includes(c.id)}
                      onChange={(e) => set({ keepCoauthorIds: e.target.checked ? [...values.keepCoauthorIds, c.id] : values.keepCoauthorIds.filter((k) => k !== c.id) })}
                    />
                    <label className="usa-checkbox__label" htmlFor={`keep-${c.id}`}>
                      {c.displayName}
                    </label>
                  </div>
                ))}
              </Fieldset>
            ) : null}
            <Field id="proposal-coauthors" label={t('proposals.form.coauthorEmails')} hint={t('proposals.form.coauthorEmailsHint')} optional error={coauthorError}>
              {(control) => (
                <textarea
                  {...control}
                  className={coauthorError ? 'usa-textarea usa-input--error' : 'usa-textarea'}
                  name="coauthorEmails"
                  rows={3}
                  value={values.coauthorEmails}
                  onChange={(e) => set({ coauthorEmails: e.target.value })}
                />
              )}
            </Field>
          </Fieldset>

          <Fieldset legend={t('proposals.form.coalition')} className="margin-top-3">
            <p className="usa-hint">{t('proposals.form.coalitionHint')}</p>
            {partnerError ? <ErrorMessage id="proposal-partners-error">{partnerError}</ErrorMessage> : null}
            {values.partners.length > 0 ? (
              <ul className="usa-list" aria-describedby={partnerError ? 'proposal-partners-error' : undefined}>
                {values.partners.map((p) => (
                  <li key={p.id}>
                    {name(p)}{' '}
                    <Button type="button" unstyled className="margin-left-1" onClick={() => set({ partners: values.partners.filter((x) => x.id !== p.id) })}>
                      {t('proposals.form.removePartner', { name: name(p) })}
                    </Button>
                  </li>
                ))}
              </ul>
            ) : null}
            {partnerChoices.length > 0 ? (
              <SelectField
                id="proposal-partner"
                name="partner"
                label={t('proposals.form.addPartner')}
                optional
                emptyLabel={t('proposals.form.choosePartner')}
                options={partnerChoices.map((o) => ({ value: o.id, label: name(o) }))}
                value=""
                onChange={(partnerId) => {
                  const partner = partnerChoices.find((o) => o.id === partnerId);
                  if (partner) set({ partners: [...values.partners, { id: partner.id, slug: partner.slug, name: partner.name, nameZh: partner.nameZh }] });
                }}
              />
            ) : null}
          </Fieldset>
          <div className="margin-top-3">
            <AttachmentsField id="proposal-attachments" value={values.attachments ?? []} onChange={(attachments) => set({ attachments })} max={10} error={listMessages(error, 'attachmentIds', [])} />
          </div>

          <div className="margin-top-3 display-flex flex-wrap flex-align-center">
            {editing ? (
              <Button type="submit" value="save" disabled={save.pending}>
                {t('proposals.form.save')}
              </Button>
            ) : (
              <>
                <Button type="submit" value="publish" disabled={save.pending}>
                  {t('proposals.form.publish')}
                </Button>
                <Button type="submit" value="draft" outline disabled={save.pending}>
                  {t('proposals.form.saveDraft')}
                </Button>
              </>
            )}
            <Link to={cancelTo} className="margin-left-1">
              {t('proposals.form.cancel')}
            </Link>
          </div>
        </Form>
      )}
    </>
  );
}
