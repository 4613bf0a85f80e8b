/**
 * Asking a department a public question: the department (and, optionally, a named post in it), on
 * whose behalf (representatives), title, text, area, category and files. The form says how many
 * working days the department has; what was typed stays across errors, a reload or signing in.
 */
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Form } from '@trussworks/react-uswds';
import { api, type ApiError } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { useAreaOptions } from '../../../../web/src/ui/area-options.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { AttachmentsField, type Attachment } from '../../../../web/src/ui/attachments.js';
import { Field, SelectField, TextAreaField, TextField } from '../../../../web/src/ui/field.js';
import { DepartmentSelect, OnBehalfSelect, PostSelect } from '../../../../web/src/ui/department-fields.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { SignInRequired } from '../../../../web/src/ui/sign-in-required.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useDraft } from '../../../../web/src/ui/use-draft.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { questionUrl, type AskOptions } from './types.js';

interface Values {
  departmentId: string;
  postId: string;
  organizationId: string;
  title: string;
  body: string;
  areaId: string;
  category: string;
  attachments: Attachment[];
}

const empty: Values = { departmentId: '', postId: '', organizationId: '', title: '', body: '', areaId: '', category: '', attachments: [] };
const MAX_ATTACHMENTS = 5;

/** Messages of list items (`attachmentIds.0`), next to the list's field. */
function listMessage(error: ApiError | null, prefix: string): string | undefined {
  const items = error?.fields.filter((f) => f.path === prefix || f.path.startsWith(`${prefix}.`)) ?? [];
  return items.length > 0 ? items.map((f) => f.message).join(' ') : undefined;
}

export function AskPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { session } = useSession();
  const user = session?.user ?? null;
  const areaOptions = useAreaOptions();
  const { name } = useLocalize();
  usePageTitle(t('questions.ask.title'));
  const options = useLoad(() => api.get<AskOptions>('/questions/ask-options'), [user?.id], session !== null);
  const [draft, setDraft, clearDraft] = useDraft<Values>('question:new', { ...empty, departmentId: params.get('department') ?? '' });
  const set = (patch: Partial<Values>) => setDraft({ ...draft, ...patch });

  const send = useAction(async () => {
    const created = await api.post<{ id: string }>('/questions', {
      departmentId: draft.departmentId,
      postId: draft.postId || null,
      organizationId: draft.organizationId || null,
      title: draft.title,
      body: draft.body,
      areaId: draft.areaId || null,
      category: draft.category.trim() || null,
      attachmentIds: draft.attachments.map((a) => a.id),
    });
    clearDraft();
    navigate(questionUrl(created.id));
  });

  if (session && !user) return <SignInRequired />;
  if (options.error) return <ApiErrorAlert error={options.error} />;
  if (!options.data) return <Loading />;
  const data = options.data;
  const department = data.departments.find((d) => d.id === draft.departmentId) ?? null;
  const error = send.error;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send.run();
  };

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/questions">{t('questions.list.title')}</Link>
        </p>
        <h1>{t('questions.ask.title')}</h1>
        <p className="civitas-lead">{t('questions.ask.intro')}</p>
      </div>
      <Form onSubmit={submit} noValidate className="maxw-tablet-lg" aria-label={t('questions.ask.title')}>
        <ApiErrorAlert error={error} />
        <OnBehalfSelect
          id="question-as"
          label={t('questions.ask.askAs')}
          myselfLabel={t('questions.ask.myself')}
          organizationLabel={(organization) => t('questions.ask.forOrganization', { organization })}
          organizations={data.organizations}
          value={draft.organizationId}
          onChange={(organizationId) => set({ organizationId })}
          error={error}
        />
        <DepartmentSelect
          id="question-department"
          label={t('questions.ask.department')}
          hint={t('questions.ask.departmentHint')}
          emptyLabel={t('questions.ask.chooseDepartment')}
          departments={data.departments}
          value={draft.departmentId}
          onChange={(departmentId) => set({ departmentId, postId: '' })}
          error={error}
        />
        {department ? (
          <p className="usa-hint" data-testid="answer-period" role="status">
            {t('questions.ask.period', { department: name(department), count: department.answerWorkingDays })}
          </p>
        ) : null}
        <PostSelect
          id="question-post"
          label={t('questions.ask.post')}
          hint={t('questions.ask.postHint')}
          emptyLabel={t('questions.ask.anyPost')}
          posts={department?.posts ?? []}
          value={draft.postId}
          onChange={(postId) => set({ postId })}
          error={error}
        />
        <TextField id="question-title" name="title" label={t('questions.ask.questionTitle')} hint={t('questions.ask.titleHint')} maxLength={150} value={draft.title} onChange={(value) => set({ title: value })} error={error} />
        <TextAreaField id="question-body" name="body" label={t('questions.ask.body')} hint={t('questions.ask.bodyHint')} maxLength={10_000} value={draft.body} onChange={(body) => set({ body })} error={error} />
        <SelectField
          id="question-area"
          name="areaId"
          label={t('questions.ask.area')}
          optional
          emptyLabel={t('questions.ask.noArea')}
          options={areaOptions}
          value={draft.areaId}
          onChange={(areaId) => set({ areaId })}
          error={error}
        />
        <Field id="question-category" label={t('questions.ask.category')} hint={t('questions.ask.categoryHint')} optional error={error?.fieldMessage('category')}>
          {(control) => (
            <>
              <input
                {...control}
                className={error?.fieldMessage('category') ? 'usa-input usa-input--error' : 'usa-input'}
                name="category"
                list="question-category-suggestions"
                maxLength={60}
                value={draft.category}
                onChange={(e) => set({ category: e.target.value })}
              />
              <datalist id="question-category-suggestions">
                {data.categories.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <div className="margin-top-3">
          <AttachmentsField id="question-attachments" value={draft.attachments} onChange={(attachments) => set({ attachments })} max={MAX_ATTACHMENTS} error={listMessage(error, 'attachmentIds')} />
        </div>
        <p className="margin-top-3">{t('questions.ask.public')}</p>
        <div className="display-flex flex-wrap flex-align-center">
          <Button type="submit" disabled={send.pending}>
            {t('questions.ask.submit')}
          </Button>
          <Link to="/questions" className="margin-left-1">
            {t('questions.ask.cancel')}
          </Link>
        </div>
      </Form>
    </>
  );
}
