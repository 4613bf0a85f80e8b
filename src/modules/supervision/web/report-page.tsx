/**
 * The anonymous report: no account, no cookie, nothing kept in the browser. After sending, the page
 * shows the receipt once (grouped in fours, with copy and print) and a strong warning to keep it:
 * it is the only way back to the report.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { api, asApiError, type ApiError } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { SelectField, TextAreaField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { anonymousPost, encodeFile } from './anonymous-api.js';
import { EvidencePicker } from './parts.js';
import type { Options, Overview } from './types.js';

export function ReportPage() {
  const { t } = useTranslation();
  const { name } = useLocalize();
  const options = useLoad(() => Promise.all([api.get<Options>('/supervision/options'), api.get<Overview>('/supervision/overview')]), []);
  const [departmentId, setDepartmentId] = useState('');
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [receipt, setReceipt] = useState<string | null>(null);
  usePageTitle(receipt ? t('supervision.receipt.title') : t('supervision.report.title'));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const created = await anonymousPost<{ formatted: string }>('/supervision/anonymous/reports', {
        departmentId: departmentId || null,
        category,
        description,
        files: await Promise.all(files.map(encodeFile)),
      });
      // What was typed leaves the page as soon as it is sent.
      setDescription('');
      setFiles([]);
      setReceipt(created.formatted);
      window.scrollTo(0, 0);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setPending(false);
    }
  };

  if (receipt) return <ReceiptView receipt={receipt} />;
  if (options.error) return <ApiErrorAlert error={options.error} />;
  if (!options.data) return <Loading />;
  const [opts, overview] = options.data;
  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/supervision">{t('supervision.landing.title')}</Link>
        </p>
        <h1>{t('supervision.report.title')}</h1>
        <p className="civitas-lead">{t('supervision.report.intro')}</p>
      </div>
      <Alert type="info" headingLevel="h2" heading={t('supervision.report.safetyTitle')} className="margin-bottom-3">
        <ul className="usa-list">
          <li>{t('supervision.report.safety1')}</li>
          <li>{t('supervision.report.safety2')}</li>
          <li>{t('supervision.report.safety3')}</li>
        </ul>
      </Alert>
      <Form onSubmit={(event: FormEvent<HTMLFormElement>) => void submit(event)} noValidate className="maxw-tablet-lg" aria-label={t('supervision.report.title')}>
        <ApiErrorAlert error={error} />
        <SelectField
          id="report-department"
          name="departmentId"
          label={t('supervision.report.department')}
          hint={t('supervision.report.departmentHint')}
          optional
          emptyLabel={t('supervision.report.noDepartment')}
          options={opts.departments.map((d) => ({ value: d.id, label: name(d) }))}
          value={departmentId}
          onChange={setDepartmentId}
          error={error}
        />
        <SelectField
          id="report-category"
          name="category"
          label={t('supervision.file.category')}
          emptyLabel={t('supervision.file.chooseCategory')}
          options={opts.categories.map((c) => ({ value: c, label: t(`supervision.category.${c}`) }))}
          value={category}
          onChange={setCategory}
          error={error}
        />
        <TextAreaField id="report-description" name="description" label={t('supervision.report.description')} hint={t('supervision.report.descriptionHint')} maxLength={20_000} value={description} onChange={setDescription} error={error} />
        <EvidencePicker id="report-files" files={files} onChange={setFiles} max={overview.limits.reportFiles} maxMb={overview.limits.reportFileMb} />
        {error?.fields.some((f) => f.path.startsWith('files')) ? <p className="usa-error-message">{error.fields.filter((f) => f.path.startsWith('files')).map((f) => f.message).join(' ')}</p> : null}
        <Button type="submit" disabled={pending}>
          {pending ? t('supervision.report.sending') : t('supervision.report.submit')}
        </Button>
      </Form>
    </>
  );
}

function ReceiptView({ receipt }: { receipt: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <>
      <h1>{t('supervision.receipt.title')}</h1>
      <Alert type="warning" headingLevel="h2" heading={t('supervision.receipt.warningTitle')}>
        {t('supervision.receipt.warning')}
      </Alert>
      <p className="margin-top-3">{t('supervision.receipt.yourReceipt')}</p>
      <p className="font-mono-xl text-bold margin-y-2" data-testid="receipt" style={{ letterSpacing: '0.05em', wordBreak: 'keep-all' }}>
        {receipt}
      </p>
      <ul className="usa-button-group">
        <li className="usa-button-group__item">
          <Button
            type="button"
            onClick={() => {
              void navigator.clipboard?.writeText(receipt.replace(/\s/g, '')).then(() => setCopied(true), () => setCopied(false));
            }}
          >
            {t('supervision.receipt.copy')}
          </Button>
        </li>
        <li className="usa-button-group__item">
          <Button type="button" outline onClick={() => window.print()}>
            {t('supervision.receipt.print')}
          </Button>
        </li>
      </ul>
      {copied ? <p role="status">{t('supervision.receipt.copied')}</p> : null}
      <h2>{t('supervision.receipt.nextTitle')}</h2>
      <p>{t('supervision.receipt.next')}</p>
      <p>
        <Link to="/supervision/check">{t('supervision.landing.checkReport')}</Link>
      </p>
    </>
  );
}
