/**
 * The department's editor: a new draft regulation, or the draft of its next version, article by
 * article (add, remove, reorder; carried-over articles keep their identity), then publishing it.
 * What was typed survives errors and reloads until it is saved.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { TextAreaField, TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useDraft } from '../../../../web/src/ui/use-draft.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import type { Draft, RegulationList } from './types.js';

interface ClauseForm {
  key: string;
  clauseId: string | null;
  label: string;
  labelZh: string;
  text: string;
  textZh: string;
}

interface EditorForm {
  title: string;
  titleZh: string;
  introduction: string;
  introductionZh: string;
  changeNote: string;
  changeNoteZh: string;
  clauses: ClauseForm[];
}

let counter = 0;
const newKey = () => `new-${Date.now().toString(36)}-${++counter}`;
const blankClause = (n: number): ClauseForm => ({ key: newKey(), clauseId: null, label: `Article ${n}`, labelZh: `第${n}条`, text: '', textZh: '' });

function fromDraft(draft: Draft): EditorForm {
  return {
    title: draft.title,
    titleZh: draft.titleZh ?? '',
    introduction: draft.introduction,
    introductionZh: draft.introductionZh ?? '',
    changeNote: draft.changeNote ?? '',
    changeNoteZh: draft.changeNoteZh ?? '',
    clauses: draft.clauses.map((c) => ({ key: c.clauseId, clauseId: c.clauseId, label: c.label, labelZh: c.labelZh ?? '', text: c.text, textZh: c.textZh ?? '' })),
  };
}

const orNull = (text: string) => text.trim() || null;

function toBody(form: EditorForm, withChangeNote: boolean) {
  return {
    title: form.title,
    titleZh: orNull(form.titleZh),
    introduction: form.introduction,
    introductionZh: orNull(form.introductionZh),
    ...(withChangeNote ? { changeNote: orNull(form.changeNote), changeNoteZh: orNull(form.changeNoteZh) } : {}),
    clauses: form.clauses.map((c) => ({ clauseId: c.clauseId, label: c.label, labelZh: orNull(c.labelZh), text: c.text, textZh: orNull(c.textZh) })),
  };
}

/** `/processes/:slug/regulations/new`: a new draft regulation. */
export function NewRegulationPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { title } = useLocalize();
  const navigate = useNavigate();
  usePageTitle(t('regulations.editor.newTitle'));
  const list = useLoad(() => api.get<RegulationList>(`/processes/${encodeURIComponent(slug)}/regulations`), [slug]);
  const [form, setForm, clear] = useDraft<EditorForm>(`regulation-new-${slug}`, {
    title: '', titleZh: '', introduction: '', introductionZh: '', changeNote: '', changeNoteZh: '', clauses: [blankClause(1)],
  });
  const submit = useAction(async () => {
    const created = await api.post<{ id: string }>(`/processes/${encodeURIComponent(slug)}/regulations`, toBody(form, false));
    clear();
    navigate(`/processes/${slug}/regulations/${created.id}/edit`);
  });
  if (list.error && !list.data) return <ApiErrorAlert error={list.error} />;
  if (!list.data) return <Loading />;
  return (
    <>
      <p className="margin-bottom-0">
        <Link to={`/processes/${slug}/regulations`}>{t('regulations.backToList')}</Link>
      </p>
      <h1>{t('regulations.editor.newTitle')}</h1>
      <p className="civitas-lead margin-top-0">{title(list.data.process)}</p>
      {list.data.abilities.create ? (
        <EditorFields form={form} setForm={setForm} submit={submit} submitLabel={t('regulations.editor.create')} withChangeNote={false} />
      ) : (
        <p>{t('regulations.editor.notAllowed')}</p>
      )}
    </>
  );
}

/** `/processes/:slug/regulations/:id/edit`: the draft of the next version, and publishing it. */
export function EditRegulationPage() {
  const { slug = '', id = '' } = useParams();
  const { t } = useTranslation();
  const draft = useLoad(() => api.get<Draft>(`/regulations/${encodeURIComponent(id)}/draft`), [id]);
  usePageTitle(draft.data ? t('regulations.editor.editTitle', { number: draft.data.number }) : t('regulations.page.title'));
  if (draft.error && !draft.data) {
    return (
      <>
        <p className="margin-bottom-0">
          <Link to={`/processes/${slug}/regulations/${id}`}>{t('regulations.backToRegulation')}</Link>
        </p>
        <h1>{t('regulations.page.title')}</h1>
        {draft.error.status === 403 ? <p>{t('regulations.editor.notAllowed')}</p> : <ApiErrorAlert error={draft.error} />}
      </>
    );
  }
  if (!draft.data) return <Loading />;
  // A new editor after each save, so it starts from what the server now holds.
  return <DraftEditor key={draft.data.updatedAt ?? 'unsaved'} slug={slug} draft={draft.data} onSaved={draft.reload} />;
}

function DraftEditor({ slug, draft, onSaved }: { slug: string; draft: Draft; onSaved: () => void }) {
  const { t } = useTranslation();
  const { dateTime } = useLocalize();
  const navigate = useNavigate();
  const id = draft.regulationId;
  const [form, setForm, clear] = useDraft<EditorForm>(`regulation-draft-${id}-${draft.updatedAt ?? 'new'}`, fromDraft(draft));
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    await api.put(`/regulations/${encodeURIComponent(id)}/draft`, toBody(form, true));
    clear();
    setSaved(true);
    onSaved();
  });
  const publish = useAction(async () => {
    await api.post(`/regulations/${encodeURIComponent(id)}/publish`, {});
    navigate(`/processes/${slug}/regulations/${id}`);
  });
  return (
    <>
      <p className="margin-bottom-0">
        <Link to={`/processes/${slug}/regulations/${id}`}>{t('regulations.backToRegulation')}</Link>
      </p>
      <h1>{t('regulations.editor.editTitle', { number: draft.number })}</h1>
      <p className="usa-intro">{t('regulations.editor.intro')}</p>
      {saved ? (
        <Alert type="success" headingLevel="h2" slim role="status">
          {t('regulations.editor.saved')}
        </Alert>
      ) : null}
      <p>{draft.saved && draft.updatedAt ? t('regulations.editor.savedAt', { date: dateTime(draft.updatedAt) }) : t('regulations.editor.unsaved')}</p>
      <EditorFields form={form} setForm={setForm} submit={save} submitLabel={t('regulations.editor.save')} withChangeNote={draft.number > 1} />
      {draft.saved ? (
        <section aria-labelledby="regulation-publish" className="civitas-panel margin-y-4">
          <h2 id="regulation-publish">{t('regulations.editor.publishHeading')}</h2>
          <p>{t('regulations.editor.publishHint')}</p>
          <ApiErrorAlert error={publish.error} />
          <Button type="button" disabled={publish.pending} onClick={() => void publish.run()}>
            {t('regulations.editor.publish', { number: draft.number })}
          </Button>
        </section>
      ) : null}
    </>
  );
}

function EditorFields({
  form,
  setForm,
  submit,
  submitLabel,
  withChangeNote,
}: {
  form: EditorForm;
  setForm: (next: EditorForm | ((current: EditorForm) => EditorForm)) => void;
  submit: ReturnType<typeof useAction<[]>>;
  submitLabel: string;
  withChangeNote: boolean;
}) {
  const { t } = useTranslation();
  const headingRefs = useRef(new Map<string, HTMLElement>());
  const error = submit.error;
  const set = <K extends keyof EditorForm>(key: K) => (value: EditorForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setClause = (index: number, patch: Partial<ClauseForm>) =>
    setForm((f) => ({ ...f, clauses: f.clauses.map((c, i) => (i === index ? { ...c, ...patch } : c)) }));
  const move = (index: number, by: -1 | 1) =>
    setForm((f) => {
      const clauses = [...f.clauses];
      const [item] = clauses.splice(index, 1);
      clauses.splice(index + by, 0, item!);
      return { ...f, clauses };
    });
  const remove = (index: number) => setForm((f) => ({ ...f, clauses: f.clauses.filter((_, i) => i !== index) }));
  const add = () => {
    const clause = blankClause(form.clauses.length + 1);
    setForm((f) => ({ ...f, clauses: [...f.clauses, clause] }));
    // Move focus to the new article so keyboard users land on it.
    setTimeout(() => headingRefs.current.get(clause.key)?.focus(), 0);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit.run();
  };
  return (
    <>
      <ApiErrorAlert error={error} />
      <Form onSubmit={onSubmit} noValidate aria-label={submitLabel} className="maxw-full">
        <div className="grid-row grid-gap">
          <TextField className="grid-col-12 tablet:grid-col-6" id="regulation-title" name="title" label={t('regulations.editor.title')} maxLength={200} value={form.title} onChange={set('title')} error={error} />
          <TextField className="grid-col-12 tablet:grid-col-6" id="regulation-title-zh" name="titleZh" label={t('regulations.editor.titleZh')} optional maxLength={200} value={form.titleZh} onChange={set('titleZh')} error={error} />
          <TextAreaField className="grid-col-12 tablet:grid-col-6" id="regulation-introduction" name="introduction" label={t('regulations.editor.introduction')} optional maxLength={10000} value={form.introduction} onChange={set('introduction')} error={error} />
          <TextAreaField className="grid-col-12 tablet:grid-col-6" id="regulation-introduction-zh" name="introductionZh" label={t('regulations.editor.introductionZh')} optional maxLength={10000} value={form.introductionZh} onChange={set('introductionZh')} error={error} />
          {withChangeNote ? (
            <>
              <TextAreaField className="grid-col-12 tablet:grid-col-6" id="regulation-change-note" name="changeNote" label={t('regulations.editor.changeNote')} optional maxLength={5000} value={form.changeNote} onChange={set('changeNote')} error={error} />
              <TextAreaField className="grid-col-12 tablet:grid-col-6" id="regulation-change-note-zh" name="changeNoteZh" label={t('regulations.editor.changeNoteZh')} optional maxLength={5000} value={form.changeNoteZh} onChange={set('changeNoteZh')} error={error} />
            </>
          ) : null}
        </div>

        <h2>{t('regulations.editor.articles')}</h2>
        {error?.fieldMessage('clauses') ? <p className="usa-error-message">{error.fieldMessage('clauses')}</p> : null}
        {form.clauses.map((clause, i) => {
          const n = i + 1;
          const prefix = `clauses.${i}`;
          return (
            <fieldset key={clause.key} className="usa-fieldset border-1px border-base-lighter radius-md padding-2 margin-bottom-2">
              <legend className="usa-legend usa-legend--large">
                <span
                  tabIndex={-1}
                  ref={(el) => {
                    if (el) headingRefs.current.set(clause.key, el);
                  }}
                >
                  {t('regulations.editor.article', { n })}
                </span>
              </legend>
              <p className="usa-hint margin-y-05">{clause.clauseId ? t('regulations.editor.carriedOver') : t('regulations.editor.newArticle')}</p>
              {error?.fieldMessage(`${prefix}.clauseId`) ? <p className="usa-error-message">{error.fieldMessage(`${prefix}.clauseId`)}</p> : null}
              <div className="grid-row grid-gap">
                <TextField className="grid-col-12 tablet:grid-col-6" id={`clause-${clause.key}-label`} name={`${prefix}.label`} label={t('regulations.editor.label')} hint={t('regulations.editor.labelHint')} maxLength={80} value={clause.label} onChange={(label) => setClause(i, { label })} error={error} />
                <TextField className="grid-col-12 tablet:grid-col-6" id={`clause-${clause.key}-label-zh`} name={`${prefix}.labelZh`} label={t('regulations.editor.labelZh')} optional maxLength={80} value={clause.labelZh} onChange={(labelZh) => setClause(i, { labelZh })} error={error} />
                <TextAreaField className="grid-col-12 tablet:grid-col-6" id={`clause-${clause.key}-text`} name={`${prefix}.text`} label={t('regulations.editor.text')} maxLength={20000} value={clause.text} onChange={(text) => setClause(i, { text })} error={error} />
                <TextAreaField className="grid-col-12 tablet:grid-col-6" id={`clause-${clause.key}-text-zh`} name={`${prefix}.textZh`} label={t('regulations.editor.textZh')} optional maxLength={20000} value={clause.textZh} onChange={(textZh) => setClause(i, { textZh })} error={error} />
              </div>
              <div className="display-flex flex-wrap margin-top-1">
                <Button type="button" outline className="margin-right-1 margin-bottom-1" disabled={i === 0} onClick={() => move(i, -1)}>
                  {t('regulations.editor.moveUp', { n })}
                </Button>
                <Button type="button" outline className="margin-right-1 margin-bottom-1" disabled={i === form.clauses.length - 1} onClick={() => move(i, 1)}>
                  {t('regulations.editor.moveDown', { n })}
                </Button>
                <Button type="button" unstyled className="civitas-danger-link margin-bottom-1" disabled={form.clauses.length === 1} onClick={() => remove(i)}>
                  {t('regulations.editor.remove', { n })}
                </Button>
              </div>
            </fieldset>
          );
        })}
        <p>
          <Button type="button" outline onClick={add}>
            {t('regulations.editor.add')}
          </Button>
        </p>
        <Button type="submit" disabled={submit.pending}>
          {submitLabel}
        </Button>
      </Form>
    </>
  );
}
