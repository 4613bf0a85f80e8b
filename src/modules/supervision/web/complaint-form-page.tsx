/**
 * Filing a named complaint: the department (and, optionally, the official post) it is about, the
 * category, what happened, evidence, and whether a short summary may be public. What was typed is
 * kept across errors and a sign-in; it is sent to the supervisory body, never to the department.
 */
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button, Fieldset, Form, Radio } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { AttachmentsField, type Attachment } from '../../../../web/src/ui/attachments.js';
import { SelectField, TextAreaField, TextField } from '../../../../web/src/ui/field.js';
import { DepartmentSelect, PostSelect } from '../../../../web/src/ui/department-fields.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { SignInRequired } from '../../../../web/src/ui/sign-in-required.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useDraft } from '../../../../web/src/ui/use-draft.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { complaintUrl, type Options } from './types.js';

interface Values {
  departmentId: string;
  postId: string;
  category: string;
  description: string;
  confidentiality: 'public_summary' | 'confidential';
  publicSummary: string;
  attachments: Attachment[];
}

const empty: Values = { departmentId: '', postId: '', category: '', description: '', confidentiality: 'confidential', publicSummary: '', attachments: [] };

export function ComplaintFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const user = session?.user ?? null;
  usePageTitle(t('supervision.file.title'));
  const options = useLoad(() => api.get<Options>('/supervision/options'), []);
  const [draft, setDraft, clearDraft] = useDraft<Values>('supervision:complaint', empty);
  const set = (patch: Partial<Values>) => setDraft({ ...draft, ...patch });
  const send = useAction(async () => {
    const created = await api.post<{ id: string }>('/supervision/complaints', {
      departmentId: draft.departmentId,
      postId: draft.postId || null,
      category: draft.category,
      description: draft.description,
      confidentiality: draft.confidentiality,
      publicSummary: draft.confidentiality === 'public_summary' ? draft.publicSummary : null,
      attachmentIds: draft.attachments.map((a) => a.id),
    });
    clearDraft();
    navigate(complaintUrl(created.id));
  });

  if (session && !user) return <SignInRequired />;
  if (options.error) return <ApiErrorAlert error={options.error} />;
  if (!options.data) return <Loading />;
  const department = options.data.departments.find((d) => d.id === draft.departmentId) ?? null;
  const error = send.error;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send.run();
  };
  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/supervision">{t('supervision.landing.title')}</Link>
        </p>
        <h1>{t('supervision.file.title')}</h1>
        <p className="civitas-lead">{t('supervision.file.intro')}</p>
      </div>
      <Form onSubmit={submit} noValidate className="maxw-tablet-lg" aria-label={t('supervision.file.title')}>
        <ApiErrorAlert error={error} />
        <DepartmentSelect
          id="complaint-department"
          label={t('supervision.file.department')}
          hint={t('supervision.file.departmentHint')}
          emptyLabel={t('supervision.file.chooseDepartment')}
          departments={options.data.departments}
          value={draft.departmentId}
          onChange={(departmentId) => set({ departmentId, postId: '' })}
          error={error}
        />
        <PostSelect
          id="complaint-post"
          label={t('supervision.file.post')}
          emptyLabel={t('supervision.file.noPost')}
          posts={department?.posts ?? []}
          value={draft.postId}
          onChange={(postId) => set({ postId })}
          error={error}
        />
        <SelectField
          id="complaint-category"
          name="category"
          label={t('supervision.file.category')}
          emptyLabel={t('supervision.file.chooseCategory')}
          options={options.data.categories.map((c) => ({ value: c, label: t(`supervision.category.${c}`) }))}
          value={draft.category}
          onChange={(category) => set({ category })}
          error={error}
        />
        <TextAreaField id="complaint-description" name="description" label={t('supervision.file.description')} hint={t('supervision.file.descriptionHint')} maxLength={20_000} value={draft.description} onChange={(description) => set({ description })} error={error} />
        <div className="margin-top-3">
          <AttachmentsField id="complaint-attachments" value={draft.attachments} onChange={(attachments) => set({ attachments })} max={10} kinds={['image', 'document', 'spreadsheet', 'text']} error={error?.fieldMessage('attachmentIds')} />
        </div>
        <Fieldset legend={t('supervision.file.confidentiality')} className="margin-top-3">
          <Radio id="confidentiality-confidential" name="confidentiality" value="confidential" label={t('supervision.file.confidential')} labelDescription={t('supervision.file.confidentialHint')} checked={draft.confidentiality === 'confidential'} onChange={() => set({ confidentiality: 'confidential' })} tile />
          <Radio id="confidentiality-public" name="confidentiality" value="public_summary" label={t('supervision.file.publicSummary')} labelDescription={t('supervision.file.publicSummaryHint')} checked={draft.confidentiality === 'public_summary'} onChange={() => set({ confidentiality: 'public_summary' })} tile />
        </Fieldset>
        {draft.confidentiality === 'public_summary' ? (
          <TextField id="complaint-summary" name="publicSummary" label={t('supervision.file.summary')} hint={t('supervision.file.summaryHint')} maxLength={300} value={draft.publicSummary} onChange={(publicSummary) => set({ publicSummary })} error={error} />
        ) : null}
        <p className="margin-top-3">{t('supervision.file.whoReads')}</p>
        <div className="display-flex flex-wrap flex-align-center">
          <Button type="submit" disabled={send.pending}>
            {t('supervision.file.submit')}
          </Button>
          <Link to="/supervision" className="margin-left-1">
            {t('supervision.cancel')}
          </Link>
        </div>
      </Form>
    </>
  );
}
