/**
 * Admin: import the census from a CSV file. The file is read in the browser and sent as text/csv;
 * the result shows how many rows were added or updated and which lines were rejected and why.
 */
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Form, SummaryBox, SummaryBoxContent, SummaryBoxHeading, Table } from '@trussworks/react-uswds';
import { api, ApiError } from '../../api.js';
import type { CensusImportResult, CensusOverview } from '../../api-types.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { Field } from '../../ui/field.js';
import { Loading } from '../../ui/loading.js';
import { useLocalize } from '../../ui/localize.js';
import { useAction } from '../../ui/use-action.js';
import { useLoad } from '../../ui/use-load.js';

export function AdminCensus() {
  const { t } = useTranslation();
  const { dateTime, number } = useLocalize();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<CensusImportResult | null>(null);
  const overview = useLoad(() => api.get<CensusOverview>('/admin/census'), []);

  const upload = useAction(async () => {
    if (!file) throw new ApiError(0, 'no_file', t('admin.census.chooseFile'));
    const text = await file.text();
    setResult(null);
    const imported = await api.postText<CensusImportResult>('/admin/census', text, 'text/csv', { fileName: file.name });
    setResult(imported);
    overview.reload();
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void upload.run();
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.target.files?.[0] ?? null);
  };

  return (
    <section aria-labelledby="admin-census">
      <h2 id="admin-census">{t('admin.sections.census')}</h2>
      <p>{t('admin.census.intro')}</p>
      <SummaryBox className="margin-bottom-3">
        <SummaryBoxHeading headingLevel="h3">{t('admin.census.formatTitle')}</SummaryBoxHeading>
        <SummaryBoxContent>
          <ul className="usa-list">
            <li>
              {t('admin.census.formatHeader')} <code>document_number,birth_date,area</code> {t('admin.census.or')}{' '}
              <code>document_hash,birth_date,area</code>
            </li>
            <li>{t('admin.census.formatArea')}</li>
            <li>{t('admin.census.formatDate')}</li>
            <li>{t('admin.census.formatHash')}</li>
            <li>{t('admin.census.formatRepeat')}</li>
          </ul>
          <p className="margin-bottom-0">{t('admin.census.example')}</p>
          <pre className="civitas-code">{'document_number,birth_date,area\nA1234567,1980-04-12,old-town\nB7654321,1992-11-03,harbour-lane'}</pre>
        </SummaryBoxContent>
      </SummaryBox>

      <ApiErrorAlert error={upload.error} />
      <Form onSubmit={onSubmit} noValidate aria-label={t('admin.census.uploadForm')}>
        <Field id="census-file" label={t('admin.census.file')} hint={t('admin.census.fileHint')}>
          {(control) => (
            <input {...control} className="usa-file-input civitas-file" type="file" name="file" accept=".csv,text/csv" onChange={onFile} />
          )}
        </Field>
        <Button type="submit" disabled={upload.pending}>
          {upload.pending ? t('admin.census.importing') : t('admin.census.import')}
        </Button>
      </Form>

      {result ? (
        <div role="status" data-testid="census-result" className="margin-top-3">
          <Alert type={result.rejected.length > 0 ? 'warning' : 'success'} headingLevel="h3" heading={t('admin.census.resultHeading')}>
            {t('admin.census.result', {
              total: number(result.total),
              inserted: number(result.inserted),
              updated: number(result.updated),
              rejected: number(result.rejected.length),
            })}
          </Alert>
          {result.rejected.length > 0 ? (
            <Table fullWidth compact bordered>
              <caption>{t('admin.census.rejectedLines')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.census.line')}</th>
                  <th scope="col">{t('admin.census.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {result.rejected.map((row) => (
                  <tr key={`${row.line}-${row.code}`}>
                    <th scope="row">{row.line}</th>
                    <td>{row.message}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : null}
        </div>
      ) : null}

      <h3>{t('admin.census.batches')}</h3>
      <ApiErrorAlert error={overview.error} focus={false} />
      {overview.loading && !overview.data ? <Loading /> : null}
      {overview.data ? (
        <>
          <p data-testid="census-stats">
            {t('admin.census.stats', { entries: number(overview.data.entries), verified: number(overview.data.verified) })}
          </p>
          {overview.data.batches.length === 0 ? (
            <p className="text-base">{t('admin.census.noBatches')}</p>
          ) : (
            <div className="civitas-table-wrap">
              <Table fullWidth compact striped stackedStyle="headers">
                <caption className="usa-sr-only">{t('admin.census.batches')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.census.fileName')}</th>
                    <th scope="col">{t('admin.census.importedAt')}</th>
                    <th scope="col">{t('admin.census.rows')}</th>
                    <th scope="col">{t('admin.census.inserted')}</th>
                    <th scope="col">{t('admin.census.updated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.data.batches.map((batch) => (
                    <tr key={batch.id}>
                      <th scope="row" data-label={t('admin.census.fileName')}>
                        {batch.fileName}
                      </th>
                      <td data-label={t('admin.census.importedAt')}>{dateTime(batch.importedAt)}</td>
                      <td data-label={t('admin.census.rows')}>{number(batch.rowsTotal)}</td>
                      <td data-label={t('admin.census.inserted')}>{number(batch.rowsInserted)}</td>
                      <td data-label={t('admin.census.updated')}>{number(batch.rowsUpdated)}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}
