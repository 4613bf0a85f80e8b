/**
 * Open data: every public record of the platform in one archive (CSV and JSON with a data
 * dictionary), regenerated daily, with its date, size and SHA-256 so a download can be checked;
 * single data sets; the Popolo view of organizations and officials; and, for administrators, a
 * button to regenerate the archive now.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, SummaryBox, SummaryBoxContent, SummaryBoxHeading, Table } from '@trussworks/react-uswds';
import { api } from '../api.js';
import { ApiErrorAlert } from '../ui/api-error-alert.js';
import { Loading } from '../ui/loading.js';
import { useLocalize } from '../ui/localize.js';
import { usePageTitle } from '../ui/page-title.js';
import { useAction } from '../ui/use-action.js';
import { useLoad } from '../ui/use-load.js';

interface OpenDataArchive {
  generatedAt: string;
  trigger: 'schedule' | 'manual';
  size: number;
  sha256: string;
  auditHeadSeq: number | null;
  auditHeadHash: string | null;
  downloadUrl: string;
}

interface OpenDataSet {
  name: string;
  module: string;
  description: { en: string; zh: string };
  rows: number;
  fields: { name: string; type: string; description: string }[];
}

interface OpenDataOverview {
  archive: OpenDataArchive | null;
  datasets: OpenDataSet[];
  files: { path: string; module: string; description: string; bytes: number }[];
  licence: { name: string; title: string; path: string };
  popoloUrl: string;
  abilities: { regenerate: boolean };
}

/** Bytes as kB or MB, in the page's language. */
function useSize() {
  const { language } = useLocalize();
  return (bytes: number) => {
    const format = (n: number, unit: string) => `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n)} ${unit}`;
    if (bytes >= 1024 * 1024) return format(bytes / (1024 * 1024), 'MB');
    return format(Math.max(bytes / 1024, 0.1), 'kB');
  };
}

function ArchiveBox({ data, onRegenerated }: { data: OpenDataOverview; onRegenerated: () => void }) {
  const { t } = useTranslation();
  const { dateTime, number } = useLocalize();
  const size = useSize();
  const [done, setDone] = useState(false);
  const regenerate = useAction(async () => {
    setDone(false);
    await api.post('/open-data/archive');
    setDone(true);
    onRegenerated();
  });
  const { archive } = data;
  return (
    <section aria-labelledby="open-data-archive" className="margin-bottom-4">
      <SummaryBox>
        <SummaryBoxHeading headingLevel="h2" id="open-data-archive">
          {t('openData.archiveTitle')}
        </SummaryBoxHeading>
        <SummaryBoxContent>
          {archive ? (
            <>
              <p>{t('openData.archiveExplain')}</p>
              <dl className="civitas-facts" data-testid="open-data-facts">
                <div>
                  <dt>{t('openData.generatedAt')}</dt>
                  <dd>{dateTime(archive.generatedAt)}</dd>
                </div>
                <div>
                  <dt>{t('openData.size')}</dt>
                  <dd>{size(archive.size)}</dd>
                </div>
                <div>
                  <dt>{t('openData.datasetCount')}</dt>
                  <dd>{number(data.datasets.length)}</dd>
                </div>
                <div>
                  <dt>SHA-256</dt>
                  <dd>
                    <code className="civitas-hash">{archive.sha256}</code>
                  </dd>
                </div>
                {archive.auditHeadHash ? (
                  <div>
                    <dt>{t('openData.auditHead')}</dt>
                    <dd>
                      <code className="civitas-hash">{archive.auditHeadHash}</code>
                    </dd>
                  </div>
                ) : null}
              </dl>
              <a className="usa-button margin-top-2" href={archive.downloadUrl} download>
                {t('openData.download', { size: size(archive.size) })}
              </a>
            </>
          ) : (
            <p>{t('openData.notReady')}</p>
          )}
          <p className="margin-top-2">
            {t('openData.licence')}{' '}
            <a href={data.licence.path} rel="license noreferrer" target="_blank">
              {data.licence.title} ({data.licence.name})
            </a>
          </p>
        </SummaryBoxContent>
      </SummaryBox>
      {data.abilities.regenerate ? (
        <div className="margin-top-2">
          <p className="usa-hint">{t('openData.regenerateHint')}</p>
          <Button type="button" outline disabled={regenerate.pending} onClick={() => void regenerate.run()}>
            {regenerate.pending ? t('openData.regenerating') : t('openData.regenerate')}
          </Button>
          <div role="status">
            {done ? (
              <Alert type="success" headingLevel="h3" slim className="margin-top-2">
                {t('openData.regenerated')}
              </Alert>
            ) : null}
          </div>
          <ApiErrorAlert error={regenerate.error} />
        </div>
      ) : null}
    </section>
  );
}

export function OpenDataPage() {
  const { t } = useTranslation();
  usePageTitle(t('openData.title'));
  const { pick, number } = useLocalize();
  const size = useSize();
  const overview = useLoad(() => api.get<OpenDataOverview>('/open-data'), []);
  const data = overview.data;
  const polisFolders = new Set((data?.files ?? []).map((f) => f.path.split('/').slice(0, -1).join('/')));

  return (
    <>
      <h1>{t('openData.title')}</h1>
      <p className="civitas-lead">{t('openData.intro')}</p>
      <ApiErrorAlert error={overview.error} />
      {!data ? (
        overview.loading ? <Loading /> : null
      ) : (
        <>
          <ArchiveBox data={data} onRegenerated={overview.reload} />

          <section aria-labelledby="open-data-sets" className="margin-bottom-4">
            <h2 id="open-data-sets">{t('openData.datasetsTitle')}</h2>
            <p>{t('openData.datasetsExplain')}</p>
            {data.datasets.length === 0 ? (
              <p>{t('openData.noDatasets')}</p>
            ) : (
              <Table bordered stackedStyle="headers" fullWidth>
                <thead>
                  <tr>
                    <th scope="col">{t('openData.dataset')}</th>
                    <th scope="col">{t('openData.description')}</th>
                    <th scope="col">{t('openData.rows')}</th>
                    <th scope="col">{t('openData.formats')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.datasets.map((d) => (
                    <tr key={d.name}>
                      <th scope="row" data-label={t('openData.dataset')}>
                        <code>{d.name}</code>
                      </th>
                      <td data-label={t('openData.description')}>{pick(d.description.en, d.description.zh)}</td>
                      <td data-label={t('openData.rows')}>{number(d.rows)}</td>
                      <td data-label={t('openData.formats')}>
                        <a href={`/api/v1/open-data/${d.name}.csv`} aria-label={t('openData.csvOf', { name: d.name })}>
                          CSV
                        </a>{' '}
                        ·{' '}
                        <a href={`/api/v1/open-data/${d.name}.json`} aria-label={t('openData.jsonOf', { name: d.name })}>
                          JSON
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
            {data.files.length > 0 ? (
              <p>
                {t('openData.otherFiles', {
                  count: data.files.length,
                  folders: number(polisFolders.size),
                  size: size(data.files.reduce((n, f) => n + f.bytes, 0)),
                })}
              </p>
            ) : null}
          </section>

          <section aria-labelledby="open-data-popolo" className="margin-bottom-4">
            <h2 id="open-data-popolo">{t('openData.popoloTitle')}</h2>
            <p>{t('openData.popoloExplain')}</p>
            <p>
              <a href={data.popoloUrl}>{t('openData.popoloLink')}</a>
            </p>
          </section>

          <section aria-labelledby="open-data-privacy" className="margin-bottom-4">
            <h2 id="open-data-privacy">{t('openData.privacyTitle')}</h2>
            <p>{t('openData.privacyExplain')}</p>
          </section>
        </>
      )}
    </>
  );
}
