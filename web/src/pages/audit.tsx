/**
 * The public audit log: every accepted action in order, each entry chained to the previous one by
 * a hash, with a button that re-checks the whole chain on the server.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert, Button, Form, SummaryBox, SummaryBoxContent, SummaryBoxHeading, Table } from '@trussworks/react-uswds';
import { api } from '../api.js';
import type { AuditPage as AuditPageData, AuditVerification } from '../api-types.js';
import { ApiErrorAlert } from '../ui/api-error-alert.js';
import { actionLabel, actorText, ResourceText } from '../ui/audit.js';
import { SelectField, TextField } from '../ui/field.js';
import { Loading } from '../ui/loading.js';
import { useLocalize } from '../ui/localize.js';
import { usePageTitle } from '../ui/page-title.js';
import { useAction } from '../ui/use-action.js';
import { useLoad } from '../ui/use-load.js';

const pageSize = 25;

/** The actions the foundation records; modules add theirs (unknown ones show their raw name). */
export const auditActions = [
  'user.signed_up',
  'user.verified',
  'user.password_changed',
  'user.roles_changed',
  'user.blocked',
  'user.unblocked',
  'census.imported',
  'organization.registered',
  'organization.verified',
  'organization.rejected',
  'organization.updated',
  'organization.member_added',
  'organization.member_removed',
  'post.created',
  'post.updated',
  'area.created',
  'area.updated',
  'area.deleted',
  'assist.started',
  'assist.ended',
  'user.locked',
  'comment.created',
  'comment.edited',
  'comment.deleted',
  'moderation.reported',
  'moderation.auto_hidden',
  'moderation.hidden',
  'moderation.restored',
  'moderation.author_blocked',
  'moderation.settings_updated',
  'calendar.updated',
  'open_data.regenerated',
] as const;

/** The listed actions, plus the one being filtered on when it is not listed (a module's, from a link). */
function actionOptions(current: string): string[] {
  const listed: string[] = [...auditActions];
  return current && !listed.includes(current) ? [...listed, current] : listed;
}

const resourceTypes = ['user', 'organization', 'post', 'area', 'census', 'census_batch', 'session'];

function ChainCheck() {
  const { t } = useTranslation();
  const { number } = useLocalize();
  const [result, setResult] = useState<AuditVerification | null>(null);
  const check = useAction(async () => {
    setResult(null);
    setResult(await api.get<AuditVerification>('/audit/verify'));
  });
  return (
    <section aria-labelledby="audit-chain" className="margin-bottom-4">
      <SummaryBox>
        <SummaryBoxHeading headingLevel="h2" id="audit-chain">
          {t('audit.chainTitle')}
        </SummaryBoxHeading>
        <SummaryBoxContent>
          <p>{t('audit.chainExplain1')}</p>
          <p>{t('audit.chainExplain2')}</p>
          <Button type="button" disabled={check.pending} onClick={() => void check.run()}>
            {check.pending ? t('audit.verifying') : t('audit.verify')}
          </Button>
        </SummaryBoxContent>
      </SummaryBox>
      <div role="status" data-testid="chain-result">
        {result ? (
          result.ok ? (
            <Alert type="success" headingLevel="h3" heading={t('audit.chainOk')} className="margin-top-2">
              {t('audit.chainOkText', { checked: number(result.checked) })}
              {result.headHash ? (
                <>
                  {' '}
                  {t('audit.headHash')} <code className="civitas-hash">{result.headHash}</code>
                </>
              ) : null}
            </Alert>
          ) : (
            <Alert type="error" headingLevel="h3" heading={t('audit.chainBroken')} className="margin-top-2">
              {result.firstBad
                ? t('audit.chainBrokenAt', { seq: result.firstBad.seq, problem: result.firstBad.problem })
                : t('audit.chainBrokenText', { checked: number(result.checked) })}
            </Alert>
          )
        ) : null}
      </div>
      <ApiErrorAlert error={check.error} />
    </section>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  const { dateTime, pick } = useLocalize();
  const [params, setParams] = useSearchParams();
  const action = params.get('action') ?? '';
  const resourceType = params.get('resourceType') ?? '';
  const [draft, setDraft] = useState({ action, resourceType });
  const [cursors, setCursors] = useState<number[]>([]);
  const [filterKey, setFilterKey] = useState(`${action}|${resourceType}`);
  if (filterKey !== `${action}|${resourceType}`) {
    setFilterKey(`${action}|${resourceType}`);
    setDraft({ action, resourceType });
    setCursors([]);
  }
  const before = cursors.at(-1);

  const page = useLoad(
    () => api.get<AuditPageData>('/audit', { action, resourceType, before, limit: pageSize }),
    [action, resourceType, before],
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.action) next.set('action', draft.action);
    if (draft.resourceType.trim()) next.set('resourceType', draft.resourceType.trim());
    setParams(next);
  };

  const entries = page.data?.entries ?? [];
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="civitas-lead">{t('audit.intro')}</p>
      <ChainCheck />

      <section aria-labelledby="audit-entries">
        <h2 id="audit-entries">{t('audit.entries')}</h2>
        <Form onSubmit={onSubmit} noValidate aria-label={t('audit.filters')} className="civitas-filters" large>
          <SelectField
            id="audit-action"
            name="action"
            label={t('audit.action')}
            optional
            value={draft.action}
            onChange={(value) => setDraft({ ...draft, action: value })}
            emptyLabel={t('audit.allActions')}
            options={actionOptions(draft.action).map((name) => ({ value: name, label: actionLabel(t, name) }))}
          />
          <TextField
            id="audit-resource-type"
            name="resourceType"
            label={t('audit.resourceType')}
            hint={t('audit.resourceTypeHint', { examples: resourceTypes.slice(0, 4).join(', ') })}
            optional
            value={draft.resourceType}
            onChange={(value) => setDraft({ ...draft, resourceType: value })}
          />
          <Button type="submit">{t('audit.applyFilters')}</Button>
        </Form>

        <ApiErrorAlert error={page.error} focus={false} />
        {page.loading && !page.data ? <Loading /> : null}
        {page.data && entries.length === 0 ? <p>{t('audit.none')}</p> : null}
        {entries.length > 0 ? (
          <div className="civitas-table-wrap">
            <Table fullWidth striped compact stackedStyle="headers">
              <caption className="usa-sr-only">{t('audit.entries')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.seq')}</th>
                  <th scope="col">{t('audit.time')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.resource')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.hash')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.seq} data-testid={`audit-row-${entry.seq}`}>
                    <th scope="row" data-label={t('audit.seq')}>
                      {entry.seq}
                    </th>
                    <td data-label={t('audit.time')}>
                      <time dateTime={entry.at}>{dateTime(entry.at)}</time>
                    </td>
                    <td data-label={t('audit.action')}>{actionLabel(t, entry.action)}</td>
                    <td data-label={t('audit.resource')}>
                      <ResourceText entry={entry} />
                    </td>
                    <td data-label={t('audit.actor')}>{actorText(t, entry.actor, pick)}</td>
                    <td data-label={t('audit.hash')}>
                      <code className="civitas-hash civitas-hash--short" title={entry.hash}>
                        {entry.hash.slice(0, 12)}
                      </code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        ) : null}
        <nav aria-label={t('common.pagination')} className="civitas-pager">
          <Button
            type="button"
            outline
            disabled={cursors.length === 0}
            onClick={() => setCursors((current) => current.slice(0, -1))}
          >
            {t('audit.newer')}
          </Button>
          <Button
            type="button"
            outline
            disabled={!page.data?.nextBefore}
            onClick={() => {
              const next = page.data?.nextBefore;
              if (next) setCursors((current) => [...current, next]);
            }}
          >
            {t('audit.older')}
          </Button>
        </nav>
      </section>
    </>
  );
}
