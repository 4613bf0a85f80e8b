/**
 * A department's rules for information requests, edited by administrators and the department's
 * officials: the response period, the one extension, the internal review period and the supervising
 * department that decides it, when a request counts as very overdue, the legal basis (English and
 * Chinese) and the legal grounds to refuse. Others see the rules on the department's record.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, Button, Fieldset, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { SelectField, TextAreaField, TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { emptyGround, GroundFields, groundsForApi, groundValues, type GroundValues } from '../../../../web/src/ui/legal-grounds.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { recordUrl, type RequestSettingsView } from './types.js';

interface Values {
  response: string;
  extension: string;
  review: string;
  veryOverdue: string;
  supervisor: string;
  legalBasis: string;
  legalBasisZh: string;
  grounds: GroundValues[];
}

function valuesOf(s: RequestSettingsView): Values {
  return {
    response: String(s.responseWorkingDays),
    extension: String(s.extensionWorkingDays),
    review: String(s.reviewWorkingDays),
    veryOverdue: s.veryOverdueConfigured === null ? '' : String(s.veryOverdueConfigured),
    supervisor: s.supervisorDepartmentId ?? '',
    legalBasis: s.legalBasis,
    legalBasisZh: s.legalBasisZh ?? '',
    grounds: groundValues(s.refusalGrounds),
  };
}

export function SettingsPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { name } = useLocalize();
  const { session } = useSession();
  const loaded = useLoad(() => api.get<RequestSettingsView>(`/requests/departments/${encodeURIComponent(slug)}/settings`), [slug, session?.user?.id], session !== null);
  const [values, setValues] = useState<Values | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (loaded.data) setValues(valuesOf(loaded.data));
  }, [loaded.data]);
  usePageTitle(loaded.data ? t('requests.settings.title', { department: name(loaded.data.department) }) : t('requests.ranking.title'));
  const save = useAction(async () => {
    if (!values) return;
    setSaved(false);
    const updated = await api.put<RequestSettingsView>(`/requests/departments/${encodeURIComponent(slug)}/settings`, {
      responseWorkingDays: Number(values.response),
      extensionWorkingDays: Number(values.extension),
      reviewWorkingDays: Number(values.review),
      veryOverdueWorkingDays: values.veryOverdue.trim() ? Number(values.veryOverdue) : null,
      supervisorDepartmentId: values.supervisor || null,
      legalBasis: values.legalBasis,
      legalBasisZh: values.legalBasisZh.trim() || null,
      refusalGrounds: groundsForApi(values.grounds),
    });
    setValues(valuesOf(updated));
    setSaved(true);
  });
  if (loaded.error) return <ApiErrorAlert error={loaded.error} />;
  if (!loaded.data || !values) return <Loading />;
  const data = loaded.data;
  const set = (patch: Partial<Values>) => setValues({ ...values, ...patch });
  const setGround = (i: number, patch: Partial<GroundValues>) => set({ grounds: values.grounds.map((g, j) => (j === i ? { ...g, ...patch } : g)) });
  const error = save.error;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save.run();
  };
  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={recordUrl(data.department.slug)}>{t('requests.record.title', { department: name(data.department) })}</Link>
        </p>
        <h1>{t('requests.settings.title', { department: name(data.department) })}</h1>
        <p className="civitas-lead">{t('requests.settings.intro')}</p>
      </div>
      {!data.abilities.configure ? (
        <Alert type="info" headingLevel="h2" slim>
          {t('requests.settings.forbidden')}
        </Alert>
      ) : null}
      {saved ? (
        <Alert type="success" headingLevel="h2" slim role="status">
          {t('requests.settings.saved')}
        </Alert>
      ) : null}
      <Form onSubmit={submit} noValidate className="maxw-tablet-lg" aria-label={t('requests.settings.title', { department: name(data.department) })}>
        <ApiErrorAlert error={error} />
        <TextField id="settings-response" name="responseWorkingDays" type="number" inputMode="numeric" label={t('requests.settings.response')} value={values.response} onChange={(response) => set({ response })} error={error} />
        <TextField id="settings-extension" name="extensionWorkingDays" type="number" inputMode="numeric" label={t('requests.settings.extension')} value={values.extension} onChange={(extension) => set({ extension })} error={error} />
        <TextField id="settings-review" name="reviewWorkingDays" type="number" inputMode="numeric" label={t('requests.settings.review')} value={values.review} onChange={(review) => set({ review })} error={error} />
        <TextField id="settings-very" name="veryOverdueWorkingDays" type="number" inputMode="numeric" optional label={t('requests.settings.veryOverdue')} hint={t('requests.settings.veryOverdueHint')} value={values.veryOverdue} onChange={(veryOverdue) => set({ veryOverdue })} error={error} />
        <SelectField
          id="settings-supervisor"
          name="supervisorDepartmentId"
          label={t('requests.settings.supervisor')}
          emptyLabel={t('requests.settings.defaultSupervisor')}
          options={data.departments.map((d) => ({ value: d.id, label: name(d) }))}
          value={values.supervisor}
          onChange={(supervisor) => set({ supervisor })}
          error={error}
        />
        <TextAreaField id="settings-basis" name="legalBasis" label={t('requests.settings.legalBasis')} maxLength={2000} value={values.legalBasis} onChange={(legalBasis) => set({ legalBasis })} error={error} />
        <TextAreaField id="settings-basis-zh" name="legalBasisZh" optional label={t('requests.settings.legalBasisZh')} maxLength={2000} value={values.legalBasisZh} onChange={(legalBasisZh) => set({ legalBasisZh })} error={error} />
        <h2>{t('requests.settings.grounds')}</h2>
        {values.grounds.map((g, i) => (
          <Fieldset key={i} legend={t('requests.settings.ground', { number: i + 1 })} className="civitas-panel margin-bottom-2">
            <GroundFields
              index={i}
              listName="refusalGrounds"
              ground={g}
              labels={{ code: t('requests.settings.code'), label: t('requests.settings.label'), labelZh: t('requests.settings.labelZh'), legalReference: t('requests.settings.reference') }}
              onChange={(patch) => setGround(i, patch)}
              error={error}
            />
            {values.grounds.length > 1 ? (
              <Button type="button" unstyled onClick={() => set({ grounds: values.grounds.filter((_, j) => j !== i) })}>
                {t('requests.settings.removeGround')}
              </Button>
            ) : null}
          </Fieldset>
        ))}
        <Button type="button" outline onClick={() => set({ grounds: [...values.grounds, emptyGround] })}>
          {t('requests.settings.addGround')}
        </Button>
        <div className="margin-top-3">
          <Button type="submit" disabled={save.pending || !data.abilities.configure}>
            {t('requests.settings.save')}
          </Button>
        </div>
      </Form>
    </>
  );
}
