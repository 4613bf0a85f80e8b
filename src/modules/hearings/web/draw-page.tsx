/**
 * "Check the draw": the published inputs of a hearing's sortition (the public value announced in
 * advance, the pseudonymous applicant list with strata, the places) and its result, re-run here in
 * the browser with the very code the server used (../sortition.ts), so anyone can see it matches.
 * The steps of the algorithm are explained, and the record can be downloaded for
 * `civitas hearings draw`. Officials run the draw from here once registration has closed.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, Button, Tag } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { drawHearing, hearingDrawSeed, isOversubscribed, SortitionError, type HearingStratification } from '../sortition.js';
import { hearingUrl, type DrawRecord, type HearingDetail } from './types.js';

type Check = { ok: true; seed: string; seedMatches: boolean; resultMatches: boolean } | { ok: false; message: string };

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Re-runs a published draw with the pure function and compares it with what was published. */
function checkDraw(record: DrawRecord): Check {
  if (!record.applicants || !record.result || !record.publicValue || !record.seed) return { ok: false, message: '' };
  try {
    const seed = hearingDrawSeed({ hearingId: record.hearingId, publicValue: record.publicValue, applicantIds: record.applicants.map((a) => a.id) });
    const stratification: HearingStratification =
      record.stratification.mode === 'quotas' ? { mode: 'quotas', quotas: record.stratification.quotas ?? {} } : { mode: record.stratification.mode };
    const again = drawHearing({ seed, applicants: record.applicants, seats: record.seats, speakingSlots: record.speakingSlots, stratification });
    const resultMatches =
      same(again.speakers.order, record.result.speakers.order) &&
      same(again.speakers.selected, record.result.speakers.selected) &&
      same(again.seats.order, record.result.seats.order) &&
      same(again.seats.selected, record.result.seats.selected) &&
      same(again.seats.waiting, record.result.seats.waiting);
    return { ok: true, seed, seedMatches: seed === record.seed, resultMatches };
  } catch (error) {
    return { ok: false, message: error instanceof SortitionError ? error.message : String(error) };
  }
}

export function DrawPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { session } = useSession();
  const { title, pick, dateTime, number } = useLocalize();
  const record = useLoad(() => api.get<DrawRecord>(`/hearings/${encodeURIComponent(id)}/draw`), [id]);
  const detail = useLoad(() => api.get<HearingDetail>(`/hearings/${encodeURIComponent(id)}`), [id, session?.user?.id], session !== null);
  const [check, setCheck] = useState<Check | null>(null);
  const [publicValue, setPublicValue] = useState('');
  const run = useAction(async () => {
    await api.post(`/hearings/${id}/draw`, { publicValue: publicValue.trim() || null });
    record.reload();
    detail.reload();
  });
  usePageTitle(t('hearings.draw.title'));
  const data = record.data;
  const strataNames = useMemo(() => new Map((data?.strata ?? []).map((s) => [s.key, pick(s.name, s.nameZh)])), [data, pick]);
  const downloadUrl = useMemo(() => (data ? `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(data, null, 2))}` : ''), [data]);

  if (record.error) return <ApiErrorAlert error={record.error} />;
  if (!data) return <Loading />;
  const hearing = detail.data?.hearing;
  const mine = detail.data?.myRegistration?.id ?? null;
  const canDraw = detail.data?.abilities.draw ?? false;
  const oversubscribed = data.applicants ? isOversubscribed(data.applicants, data.seats, data.speakingSlots) : false;
  const stratum = (key: string) => strataNames.get(key) ?? key;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run.run();
  };

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={hearingUrl(id)}>{hearing ? title(hearing) : t('hearings.draw.back')}</Link>
        </p>
        <h1>{t('hearings.draw.title')}</h1>
        <p className="civitas-lead margin-y-1">{t('hearings.draw.lead')}</p>
      </div>

      <section aria-labelledby="draw-status" className="margin-y-3">
        <h2 id="draw-status">{t('hearings.draw.statusHeading')}</h2>
        <p data-testid="draw-status">
          {data.status === 'open'
            ? t('hearings.draw.open', { count: data.applicantCount })
            : data.status === 'pending'
              ? t('hearings.draw.pending', { count: data.applicantCount })
              : data.lot
                ? t('hearings.draw.drawn', { date: dateTime(data.drawnAt ?? '') })
                : t('hearings.draw.admitted', { date: dateTime(data.drawnAt ?? '') })}
        </p>
        <dl className="civitas-facts">
          <div>
            <dt>{t('hearings.draw.places')}</dt>
            <dd>{t('hearings.detail.placesText', { seats: number(data.seats), slots: number(data.speakingSlots) })}</dd>
          </div>
          <div>
            <dt>{t('hearings.draw.stratification')}</dt>
            <dd>
              {t(`hearings.form.stratificationMode.${data.stratification.mode}`)}
              {data.stratification.quotas ? (
                <> ({Object.entries(data.stratification.quotas).map(([k, q]) => `${stratum(k)}: ${q}`).join(t('hearings.draw.listSeparator'))})</>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t('hearings.draw.publicSource')}</dt>
            <dd>{data.publicSource ?? t('hearings.draw.noSource')}</dd>
          </div>
          {data.publicValue ? (
            <div>
              <dt>{t('hearings.draw.publicValue')}</dt>
              <dd>
                <code>{data.publicValue}</code>
              </dd>
            </div>
          ) : null}
          {data.seed ? (
            <div>
              <dt>{t('hearings.draw.seed')}</dt>
              <dd className="civitas-hash">{data.seed}</dd>
            </div>
          ) : null}
        </dl>
      </section>

      {canDraw ? (
        <section aria-labelledby="run-draw" className="civitas-panel margin-y-3" data-testid="run-draw">
          <h2 id="run-draw" className="margin-top-0">
            {t('hearings.draw.runHeading')}
          </h2>
          <p>{oversubscribed ? t('hearings.draw.runOversubscribed') : t('hearings.draw.runEveryone')}</p>
          <form className="usa-form" onSubmit={submit} noValidate>
            <ApiErrorAlert error={run.error} />
            <TextField id="draw-public-value" name="publicValue" label={t('hearings.draw.publicValue')} hint={data.publicSource ?? undefined} optional={!oversubscribed} maxLength={500} value={publicValue} onChange={setPublicValue} error={run.error} />
            <Button type="submit" disabled={run.pending}>
              {t('hearings.draw.run')}
            </Button>
          </form>
        </section>
      ) : null}

      {data.result ? (
        <section aria-labelledby="draw-result" className="margin-y-3">
          <h2 id="draw-result">{t('hearings.draw.result')}</h2>
          {data.lot ? (
            <>
              <Button type="button" onClick={() => setCheck(checkDraw(data))} data-testid="check-draw">
                {t('hearings.draw.check')}
              </Button>
              <div aria-live="polite" className="margin-top-2">
                {check && check.ok ? (
                  <Alert type={check.seedMatches && check.resultMatches ? 'success' : 'error'} headingLevel="h3" slim data-testid="check-result">
                    {check.seedMatches && check.resultMatches ? t('hearings.draw.matches') : check.seedMatches ? t('hearings.draw.resultDiffers') : t('hearings.draw.seedDiffers', { seed: check.seed })}
                  </Alert>
                ) : check && !check.ok ? (
                  <Alert type="error" headingLevel="h3" slim>
                    {t('hearings.draw.cannotCheck', { message: check.message })}
                  </Alert>
                ) : null}
              </div>
            </>
          ) : (
            <p>{t('hearings.draw.noLot')}</p>
          )}
          {mine ? <p>{t('hearings.draw.yourId', { id: mine })}</p> : null}
          <DrawList heading={t('hearings.draw.speakers')} ids={data.result.speakers.selected} mine={mine} stratum={stratum} applicants={data.applicants} />
          <DrawList heading={t('hearings.draw.seats')} ids={data.result.seats.selected} mine={mine} stratum={stratum} applicants={data.applicants} />
          <DrawList heading={t('hearings.draw.waiting')} ids={data.result.seats.waiting} mine={mine} stratum={stratum} applicants={data.applicants} />
          <p className="margin-top-3">
            <a className="usa-link" href={downloadUrl} download={`hearing-${data.hearingId}-draw.json`}>
              {t('hearings.draw.download')}
            </a>
          </p>
          <p className="font-ui-xs">{t('hearings.draw.cli')}</p>
          <p>
            <code className="civitas-hash">civitas hearings draw hearing-{data.hearingId}-draw.json</code>
          </p>
        </section>
      ) : data.applicants ? (
        <section aria-labelledby="draw-applicants" className="margin-y-3">
          <h2 id="draw-applicants">{t('hearings.draw.applicants')}</h2>
          <p>{t('hearings.draw.applicantsNote')}</p>
          {mine ? <p>{t('hearings.draw.yourId', { id: mine })}</p> : null}
          <DrawList heading={t('hearings.draw.applicantList')} ids={data.applicants.map((a) => a.id)} mine={mine} stratum={stratum} applicants={data.applicants} ordered={false} />
        </section>
      ) : null}

      <section aria-labelledby="how-heading" className="margin-y-3" data-testid="algorithm">
        <h2 id="how-heading">{t('hearings.draw.howHeading')}</h2>
        <ol className="usa-process-list">
          {(['seed', 'stream', 'uniform', 'order', 'select', 'strata', 'hearing'] as const).map((step) => (
            <li key={step} className="usa-process-list__item">
              <h3 className="usa-process-list__heading font-heading-sm">{t(`hearings.draw.steps.${step}.title`)}</h3>
              <p className="margin-top-05">{t(`hearings.draw.steps.${step}.text`)}</p>
            </li>
          ))}
        </ol>
        <p className="font-ui-xs">{t('hearings.draw.reference')}</p>
      </section>
    </>
  );
}

function DrawList({
  heading,
  ids,
  mine,
  stratum,
  applicants,
  ordered = true,
}: {
  heading: string;
  ids: string[];
  mine: string | null;
  stratum: (key: string) => string;
  applicants: DrawRecord['applicants'];
  ordered?: boolean;
}) {
  const { t } = useTranslation();
  const byId = new Map((applicants ?? []).map((a) => [a.id, a]));
  return (
    <>
      <h3>
        {heading} ({ids.length})
      </h3>
      {ids.length === 0 ? (
        <p>{t('hearings.draw.nobody')}</p>
      ) : (
        <div className="civitas-table-wrap">
          <table className="usa-table usa-table--compact usa-table--borderless">
            <thead>
              <tr>
                {ordered ? <th scope="col">{t('hearings.draw.rank')}</th> : null}
                <th scope="col">{t('hearings.draw.id')}</th>
                <th scope="col">{t('hearings.draw.stratum')}</th>
                <th scope="col">{t('hearings.draw.wish')}</th>
              </tr>
            </thead>
            <tbody>
              {ids.map((id, i) => {
                const a = byId.get(id);
                return (
                  <tr key={id} className={id === mine ? 'bg-primary-lighter' : undefined}>
                    {ordered ? <td>{i + 1}</td> : null}
                    <td className="civitas-hash">
                      {id}
                      {id === mine ? (
                        <>
                          {' '}
                          <Tag className="civitas-tag bg-primary">{t('hearings.draw.you')}</Tag>
                        </>
                      ) : null}
                    </td>
                    <td>{a ? stratum(a.stratum) : ''}</td>
                    <td>{a ? (a.speak ? t('hearings.register.kind.speak') : t('hearings.register.kind.attend')) : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
