/**
 * Making an information request: the department (with its response period, extension and legal
 * basis shown), on whose behalf (representatives), an optional pseudonym (explained), title and
 * text. What was typed stays across errors, a reload or signing in.
 */
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { TextAreaField, TextField } from '../../../../web/src/ui/field.js';
import { DepartmentSelect, OnBehalfSelect } from '../../../../web/src/ui/department-fields.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { SignInRequired } from '../../../../web/src/ui/sign-in-required.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useDraft } from '../../../../web/src/ui/use-draft.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { recordUrl, requestUrl, type RequestOptions } from './types.js';

interface Values {
  departmentId: string;
  organizationId: string;
  usePseudonym: boolean;
  pseudonym: string;
  title: string;
  body: string;
}

const empty: Values = { departmentId: '', organizationId: '', usePseudonym: false, pseudonym: '', title: '', body: '' };

export function NewRequestPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { session } = useSession();
  const user = session?.user ?? null;
  const { name, pick } = useLocalize();
  usePageTitle(t('requests.file.title'));
  const options = useLoad(() => api.get<RequestOptions>('/requests/options'), [user?.id], session !== null);
  const [draft, setDraft, clearDraft] = useDraft<Values>('request:new', { ...empty, departmentId: params.get('department') ?? '' });
  const set = (patch: Partial<Values>) => setDraft({ ...draft, ...patch });

  const send = useAction(async () => {
    const created = await api.post<{ id: string }>('/requests', {
      departmentId: draft.departmentId,
      organizationId: draft.organizationId || null,
      pseudonym: draft.usePseudonym && !draft.organizationId ? draft.pseudonym : null,
      title: draft.title,
      body: draft.body,
    });
    clearDraft();
    navigate(requestUrl(created.id));
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
          <Link to="/requests">{t('requests.list.title')}</Link>
        </p>
        <h1>{t('requests.file.title')}</h1>
        <p className="civitas-lead">{t('requests.file.intro')}</p>
      </div>
      <Form onSubmit={submit} noValidate className="maxw-tablet-lg" aria-label={t('requests.file.title')}>
        <ApiErrorAlert error={error} />
        <OnBehalfSelect
          id="request-as"
          label={t('requests.file.askAs')}
          myselfLabel={t('requests.file.myself')}
          organizationLabel={(organization) => t('requests.file.forOrganization', { organization })}
          organizations={data.organizations}
          value={draft.organizationId}
          onChange={(organizationId) => set({ organizationId })}
          error={error}
        />
        <DepartmentSelect
          id="request-department"
          label={t('requests.file.department')}
          hint={t('requests.file.departmentHint')}
          emptyLabel={t('requests.file.chooseDepartment')}
          departments={data.departments}
          value={draft.departmentId}
          onChange={(departmentId) => set({ departmentId })}
          error={error}
        />
        {department ? (
          <div className="usa-hint" data-testid="response-period" role="status">
            <p className="margin-y-1">{t('requests.file.period', { department: name(department), count: department.responseWorkingDays, extension: department.extensionWorkingDays })}</p>
            <details className="civitas-details">
              <summary>{t('requests.file.rules')}</summary>
              <p>{pick(department.legalBasis, department.legalBasisZh)}</p>
              <p>
                <Link to={recordUrl(department.slug)}>{t('requests.detail.departmentRules')}</Link>
              </p>
            </details>
          </div>
        ) : null}
        <TextField id="request-title" name="title" label={t('requests.file.requestTitle')} hint={t('requests.file.titleHint')} maxLength={200} value={draft.title} onChange={(title) => set({ title })} error={error} />
        <TextAreaField id="request-body" name="body" label={t('requests.file.body')} hint={t('requests.file.bodyHint')} maxLength={20_000} value={draft.body} onChange={(body) => set({ body })} error={error} />
        {!draft.organizationId ? (
          <>
            <div className="usa-checkbox margin-top-3">
              <input className="usa-checkbox__input" id="request-use-pseudonym" type="checkbox" checked={draft.usePseudonym} onChange={(e) => set({ usePseudonym: e.target.checked })} />
              <label className="usa-checkbox__label" htmlFor="request-use-pseudonym">
                {t('requests.file.usePseudonym')}
              </label>
            </div>
            {draft.usePseudonym ? (
              <TextField id="request-pseudonym" name="pseudonym" label={t('requests.file.pseudonym')} hint={t('requests.file.pseudonymHint')} maxLength={40} value={draft.pseudonym} onChange={(pseudonym) => set({ pseudonym })} error={error} />
            ) : null}
          </>
        ) : null}
        <p className="margin-top-3">{t('requests.file.public')}</p>
        <div className="display-flex flex-wrap flex-align-center">
          <Button type="submit" disabled={send.pending}>
            {t('requests.file.submit')}
          </Button>
          <Link to="/requests" className="margin-left-1">
            {t('requests.file.cancel')}
          </Link>
        </div>
      </Form>
    </>
  );
}
