/**
 * Preparing a document for the register, or editing one: department, title, summary, category,
 * dates and validity, area, files (PDF, spreadsheets, text, images) and the processes and hearings
 * it concerns. A new document is saved as a draft or published at once; a published one is
 * corrected with a note that readers see.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Form } from '@trussworks/react-uswds';
import { api, type ApiError } from '../../../../web/src/api.js';
import { useAreas } from '../../../../web/src/app/areas.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { AttachmentsField, type Attachment } from '../../../../web/src/ui/attachments.js';
import { Field, SelectField, TextAreaField, TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { SignInRequired } from '../../../../web/src/ui/sign-in-required.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { publicationUrl, type PublicationDetail, type PublicationOptions } from './types.js';

interface Values {
  departmentId: string;
  title: string;
  summary: string;
  category: string;
  documentDate: string;
  validFrom: string;
  validUntil: string;
  areaId: string;
  attachments: Attachment[];
  /** type, id and a title to show. */
  links: { type: string; id: string; title: string }[];
  changeNote: string;
}

const empty: Values = { departmentId: '', title: '', summary: '', category: '', documentDate: '', validFrom: '', validUntil: '', areaId: '', attachments: [], links: [], changeNote: '' };

/** Messages of list items (`links.0`), next to the list's field. */
function listMessage(error: ApiError | null, prefix: string): string | undefined {
  const items = error?.fields.filter((f) => f.path === prefix || f.path.startsWith(`${prefix}.`)) ?? [];
  return items.length > 0 ? items.map((f) => f.message).join(' ') : undefined;
}

export function PublicationFormPage() {
  const { id } = useParams();
  const editing = Boolean(id);
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const user = session?.user ?? null;
  const { rows } = useAreas();
  const { name, pick } = useLocalize();
  usePageTitle(editing ? t('publications.form.editTitle') : t('publications.form.newTitle'));
  const options = useLoad(() => api.get<PublicationOptions>('/publications/options'), [user?.id], session !== null);
  const existing = useLoad(() => (id ? api.get<PublicationDetail>(`/publications/${encodeURIComponent(id)}`) : Promise.resolve(null)), [id, user?.id], session !== null);
  const [values, setValues] = useState<Values>(empty);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [chosenLink, setChosenLink] = useState('');
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));

  // Fill the form once from the document being edited, or with the caller's only department.
  useEffect(() => {
    if (!options.data) return;
    if (editing) {
      const data = existing.data;
      if (!data || loadedFor === data.publication.id) return;
      const p = data.publication;
      const titles = new Map(data.links.map((l) => [`${l.type}:${l.id}`, l.title]));
      setValues({
        departmentId: p.department.id,
        title: p.title,
        summary: p.summary,
        category: p.category,
        documentDate: p.documentDate,
        validFrom: p.validFrom ?? '',
        validUntil: p.validUntil ?? '',
        areaId: p.areaId ?? '',
        attachments: p.attachments,
        links: (data.linkInputs ?? []).map((l) => ({ ...l, title: titles.get(`${l.type}:${l.id}`) ?? `${l.type} ${l.id}` })),
        changeNote: '',
      });
      setLoadedFor(p.id);
    } else if (loadedFor === null) {
      const mine = options.data.myDepartmentIds;
      setValues({ ...empty, departmentId: mine.length === 1 ? mine[0]! : '' });
      setLoadedFor('new');
    }
  }, [options.data, existing.data, editing, loadedFor]);

  const fields = () => ({
    title: values.title,
    summary: values.summary,
    category: values.category,
    documentDate: values.documentDate,
    validFrom: values.validFrom || null,
    validUntil: values.validUntil || null,
    areaId: values.areaId || null,
    attachmentIds: values.attachments.map((a) => a.id),
    links: values.links.map((l) => ({ type: l.type, id: l.id })),
  });
  const save = useAction(async (publish: boolean) => {
    if (id) {
      await api.put(`/publications/${id}`, { ...fields(), changeNote: values.changeNote.trim() || null });
      void navigate(publicationUrl(id));
    } else {
      const created = await api.post<{ id: string }>('/publications', { departmentId: values.departmentId, ...fields(), publish });
      void navigate(publicationUrl(created.id));
    }
  });

  if (session && !user) return <SignInRequired />;
  if (options.error) return <ApiErrorAlert error={options.error} />;
  if (existing.error) return <ApiErrorAlert error={existing.error} />;
  if (!options.data || (editing && !existing.data)) return <Loading />;
  const data = options.data;
  const published = existing.data?.publication.status === 'published';
  const departments = data.departments.filter((d) => data.myDepartmentIds.includes(d.id));
  if (!editing && departments.length === 0) {
    return (
      <>
        <h1>{t('publications.form.newTitle')}</h1>
        <p data-testid="no-department">{t('publications.form.noDepartment')}</p>
        <p>
          <Link to="/publications">{t('publications.list.title')}</Link>
        </p>
      </>
    );
  }
  const error = save.error;
  const linkable = data.linkTargets.filter((target) => !values.links.some((l) => l.type === target.type && l.id === target.id));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void save.run(submitter?.value === 'publish');
  };
  function addLink() {
    const target = data.linkTargets.find((l) => `${l.type}:${l.id}` === chosenLink);
    if (!target) return;
    set({ links: [...values.links, { type: target.type, id: target.id, title: pick(target.title, target.titleZh) }] });
    setChosenLink('');
  }

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={id ? publicationUrl(id) : '/publications'}>{id ? existing.data!.publication.title : t('publications.list.title')}</Link>
        </p>
        <h1>{editing ? t('publications.form.editTitle') : t('publications.form.newTitle')}</h1>
        <p className="civitas-lead">{published ? t('publications.form.correctIntro') : t('publications.form.intro')}</p>
      </div>
      <Form onSubmit={submit} noValidate className="maxw-tablet-lg" aria-label={editing ? t('publications.form.editTitle') : t('publications.form.newTitle')}>
        <ApiErrorAlert error={error} />
        {editing ? (
          <p>
            <strong>{t('publications.form.department')}:</strong> {name(existing.data!.publication.department)}
          </p>
        ) : (
          <SelectField
            id="publication-department"
            name="departmentId"
            label={t('publications.form.department')}
            emptyLabel={departments.length > 1 ? t('publications.form.chooseDepartment') : undefined}
            options={departments.map((d) => ({ value: d.id, label: name(d) }))}
            value={values.departmentId}
            onChange={(departmentId) => set({ departmentId })}
            error={error}
          />
        )}
        <TextField id="publication-title" name="title" label={t('publications.form.title')} hint={t('publications.form.titleHint')} maxLength={200} value={values.title} onChange={(title) => set({ title })} error={error} />
        <TextAreaField id="publication-summary" name="summary" label={t('publications.form.summary')} hint={t('publications.form.summaryHint')} maxLength={5000} value={values.summary} onChange={(summary) => set({ summary })} error={error} />
        <SelectField
          id="publication-category"
          name="category"
          label={t('publications.form.category')}
          emptyLabel={t('publications.form.chooseCategory')}
          options={data.categories.map((c) => ({ value: c, label: t(`publications.category.${c}`) }))}
          value={values.category}
          onChange={(category) => set({ category })}
          error={error}
        />
        <TextField id="publication-document-date" name="documentDate" type="date" label={t('publications.form.documentDate')} hint={t('publications.form.documentDateHint')} value={values.documentDate} onChange={(documentDate) => set({ documentDate })} error={error} />
        <p className="usa-hint margin-top-3 margin-bottom-0">{t('publications.form.validityHint')}</p>
        <div className="display-flex flex-wrap">
          <TextField id="publication-valid-from" name="validFrom" type="date" optional className="margin-right-2" label={t('publications.form.validFrom')} value={values.validFrom} onChange={(validFrom) => set({ validFrom })} error={error} />
          <TextField id="publication-valid-until" name="validUntil" type="date" optional label={t('publications.form.validUntil')} value={values.validUntil} onChange={(validUntil) => set({ validUntil })} error={error} />
        </div>
        <SelectField
          id="publication-area"
          name="areaId"
          label={t('publications.form.area')}
          optional
          emptyLabel={t('publications.form.noArea')}
          options={rows.map((r) => ({ value: r.area.id, label: `${'\u2003'.repeat(r.depth)}${name(r.area)}` }))}
          value={values.areaId}
          onChange={(areaId) => set({ areaId })}
          error={error}
        />
        <div className="margin-top-3">
          <AttachmentsField
            id="publication-attachments"
            value={values.attachments}
            onChange={(attachments) => set({ attachments })}
            max={data.maxAttachments}
            kinds={['document', 'spreadsheet', 'text', 'image']}
            error={listMessage(error, 'attachmentIds')}
          />
        </div>
        <fieldset className="usa-fieldset margin-top-3" data-testid="publication-links-field">
          <legend className="usa-legend">
            {t('publications.form.links')} <span className="usa-hint">{t('form.optional')}</span>
          </legend>
          <p className="usa-hint">{t('publications.form.linksHint')}</p>
          {values.links.length > 0 ? (
            <ul className="usa-list usa-list--unstyled">
              {values.links.map((l) => (
                <li key={`${l.type}:${l.id}`} className="display-flex flex-align-center flex-wrap padding-y-05">
                  <span className="margin-right-1">{l.title}</span>
                  <Button type="button" unstyled onClick={() => set({ links: values.links.filter((x) => x !== l) })}>
                    {t('publications.form.removeLink', { title: l.title })}
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
          {listMessage(error, 'links') ? <p className="usa-error-message">{listMessage(error, 'links')}</p> : null}
          {linkable.length > 0 && values.links.length < data.maxLinks ? (
            <Field id="publication-link" label={t('publications.form.addLink')} optional>
              {(control) => (
                <div className="display-flex flex-wrap flex-align-end">
                  <select {...control} className="usa-select margin-right-1" value={chosenLink} onChange={(e) => setChosenLink(e.target.value)}>
                    <option value="">{t('publications.form.chooseLink')}</option>
                    {linkable.map((l) => (
                      <option key={`${l.type}:${l.id}`} value={`${l.type}:${l.id}`}>
                        {t(`publications.linkType.${l.type === 'hearing' ? 'hearing' : 'process'}`)}: {pick(l.title, l.titleZh)}
                      </option>
                    ))}
                  </select>
                  <Button type="button" outline className="margin-top-1" disabled={!chosenLink} onClick={addLink}>
                    {t('publications.form.add')}
                  </Button>
                </div>
              )}
            </Field>
          ) : null}
        </fieldset>
        {published ? (
          <TextField
            id="publication-change-note"
            name="changeNote"
            label={t('publications.form.changeNote')}
            hint={t('publications.form.changeNoteHint')}
            maxLength={500}
            value={values.changeNote}
            onChange={(changeNote) => set({ changeNote })}
            error={error}
          />
        ) : null}
        <div className="display-flex flex-wrap flex-align-center margin-top-3">
          {editing ? (
            <Button type="submit" value="save" disabled={save.pending}>
              {published ? t('publications.form.saveCorrection') : t('publications.form.save')}
            </Button>
          ) : (
            <>
              <Button type="submit" value="draft" outline disabled={save.pending}>
                {t('publications.form.saveDraft')}
              </Button>
              <Button type="submit" value="publish" disabled={save.pending}>
                {t('publications.form.saveAndPublish')}
              </Button>
            </>
          )}
          <Link to={id ? publicationUrl(id) : '/publications'} className="margin-left-1">
            {t('publications.form.cancel')}
          </Link>
        </div>
      </Form>
    </>
  );
}
