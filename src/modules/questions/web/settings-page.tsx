/**
 * A department's rules for questions, edited by administrators and the department's officials:
 * the working days to answer, the legal basis shown with every deadline (English and Chinese),
 * whether a transfer to this department restarts the clock, and the legal grounds to decline.
 * Everyone else sees the same rules read-only on the department's record.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, Button, Fieldset, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { TextAreaField, TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { emptyGround, GroundFields, groundsForApi, groundValues, type GroundValues } from '../../../../web/src/ui/legal-grounds.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { recordUrl, type DepartmentSettings } from './types.js';

interface Values {
  answerWorkingDays: string;
  legalBasis: string;
  legalBasisZh: string;
  transferRestartsClock: boolean;
  grounds: GroundValues[];
}

function valuesOf(s: DepartmentSettings): Values {
  return {
    answerWorkingDays: String(s.answerWorkingDays),
    legalBasis: s.legalBasis,
    legalBasisZh: s.legalBasisZh ?? '',
    transferRestartsClock: s.transferRestartsClock,
    grounds: groundValues(s.declineGrounds),
  };
}

export function SettingsPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { name, dateTime } = useLocalize();
  const { session } = useSession();
  const loaded = useLoad(() => api.get<DepartmentSettings>(`/questions/departments/${encodeURIComponent(slug)}/settings`), [slug, session?.user?.id], session !== null);
  const [values, setValues] = useState<Values | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (loaded.data) setValues(valuesOf(loaded.data));
  }, [loaded.data]);
  usePageTitle(loaded.data ? t('questions.settings.title', { department: name(loaded.data.department) }) : t('questions.settings.heading'));
  const save = useAction(async () => {
    if (!values) return;
    setSaved(false);
    const result = await api.put<DepartmentSettings>(`/questions/departments/${encodeURIComponent(slug)}/settings`, {
      answerWorkingDays: Number(values.answerWorkingDays),
      legalBasis: values.legalBasis,
      legalBasisZh: values.legalBasisZh.trim() || null,
      transferRestartsClock: values.transferRestartsClock,
      declineGrounds: groundsForApi(values.grounds),
    });
    loaded.setData(result);
    setSaved(true);
  });

  if (loaded.error) return <ApiErrorAlert error={loaded.error} />;
  if (!loaded.data || !values) return <Loading />;
  const data = loaded.data;
  const set = (patch: Partial<Values>) => setValues({ ...values, ...patch });
  const setGround = (index: number, patch: Partial<GroundValues>) => set({ grounds: values.grounds.map((g, i) => (i === index ? { ...g, ...patch } : g)) });
  const error = save.error;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save.run();
  };

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={recordUrl(data.department.slug)}>{t('questions.record.title', { department: name(data.department) })}</Link>
        </p>
        <h1>{t('questions.settings.title', { department: name(data.department) })}</h1>
        <p className="civitas-lead">{t('questions.settings.intro')}</p>
        {data.updatedAt ? <p className="text-base">{t('questions.settings.updatedAt', { date: dateTime(data.updatedAt) })}</p> : <p className="text-base">{t('questions.record.defaults')}</p>}
      </div>
      {!data.abilities.configure ? (
        <p data-testid="settings-read-only">{t('questions.settings.readOnly')}</p>
      ) : (
        <Form onSubmit={submit} noValidate className="maxw-tablet-lg" aria-label={t('questions.settings.heading')}>
          <ApiErrorAlert error={error} />
          {saved ? (
            <Alert type="success" headingLevel="h2" slim role="status">
              {t('questions.settings.saved')}
            </Alert>
          ) : null}
          <TextField
            id="settings-days"
            name="answerWorkingDays"
            type="number"
            label={t('questions.settings.answerWorkingDays')}
            hint={t('questions.settings.answerWorkingDaysHint')}
            value={values.answerWorkingDays}
            onChange={(answerWorkingDays) => set({ answerWorkingDays })}
            error={error}
          />
          <TextAreaField id="settings-basis" name="legalBasis" label={t('questions.settings.legalBasis')} hint={t('questions.settings.legalBasisHint')} maxLength={2000} value={values.legalBasis} onChange={(legalBasis) => set({ legalBasis })} error={error} />
          <TextAreaField id="settings-basis-zh" name="legalBasisZh" label={t('questions.settings.legalBasisZh')} optional maxLength={2000} value={values.legalBasisZh} onChange={(legalBasisZh) => set({ legalBasisZh })} error={error} />
          <div className="usa-checkbox margin-y-3">
            <input
              className="usa-checkbox__input"
              id="settings-restart"
              type="checkbox"
              checked={values.transferRestartsClock}
              onChange={(e) => set({ transferRestartsClock: e.target.checked })}
              aria-describedby="settings-restart-hint"
            />
            <label className="usa-checkbox__label" htmlFor="settings-restart">
              {t('questions.settings.restartLabel')}
            </label>
            <span id="settings-restart-hint" className="usa-hint display-block margin-top-1">
              {t('questions.settings.restartHint')}
            </span>
          </div>
          <Fieldset legend={t('questions.settings.grounds')} className="margin-top-3">
            <p className="usa-hint">{t('questions.settings.groundsHint')}</p>
            {error?.fieldMessage('declineGrounds') ? <p className="usa-error-message">{error.fieldMessage('declineGrounds')}</p> : null}
            {values.grounds.map((g, i) => (
              <Fieldset key={i} legend={t('questions.settings.groundN', { n: i + 1 })} legendStyle="default" className="civitas-panel margin-y-2">
                <GroundFields
                  index={i}
                  listName="declineGrounds"
                  ground={g}
                  labels={{
                    code: t('questions.settings.code'),
                    codeHint: t('questions.settings.codeHint'),
                    label: t('questions.settings.label'),
                    labelZh: t('questions.settings.labelZh'),
                    legalReference: t('questions.settings.legalReference'),
                  }}
                  onChange={(patch) => setGround(i, patch)}
                  error={error}
                />
                <Button type="button" unstyled onClick={() => set({ grounds: values.grounds.filter((_, j) => j !== i) })}>
                  {t('questions.settings.removeGround', { n: i + 1 })}
                </Button>
              </Fieldset>
            ))}
            <Button type="button" outline onClick={() => set({ grounds: [...values.grounds, emptyGround] })}>
              {t('questions.settings.addGround')}
            </Button>
          </Fieldset>
          <div className="margin-top-3">
            <Button type="submit" disabled={save.pending}>
              {t('questions.settings.save')}
            </Button>
            <Link to={recordUrl(data.department.slug)} className="margin-left-1">
              {t('questions.ask.cancel')}
            </Link>
          </div>
        </Form>
      )}
    </>
  );
}
