/**
 * Verify residency against the census: document number and birth date. Explains what is kept
 * (only a salted hash of the number) and that one census entry verifies one account.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Button, Form, SummaryBox, SummaryBoxContent, SummaryBoxHeading } from '@trussworks/react-uswds';
import { api } from '../api.js';
import type { DemoAccounts, DemoCensusEntry, VerificationResult } from '../api-types.js';
import { useAreas } from '../app/areas.js';
import { useSession } from '../app/session.js';
import { ApiErrorAlert } from '../ui/api-error-alert.js';
import { TextField } from '../ui/field.js';
import { Loading } from '../ui/loading.js';
import { useLocalize } from '../ui/localize.js';
import { usePageTitle } from '../ui/page-title.js';
import { useAction } from '../ui/use-action.js';
import { useLoad } from '../ui/use-load.js';

/** The demo publishes a few census entries so visitors can try verification. */
function DemoCensus({ onUse }: { onUse: (entry: DemoCensusEntry) => void }) {
  const { t } = useTranslation();
  const { name } = useLocalize();
  const { bySlug } = useAreas();
  const demo = useLoad(() => api.get<DemoAccounts>('/demo/accounts'), []);
  const entries = demo.data?.census ?? [];
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="demo-census" className="margin-top-5" data-testid="demo-census">
      <h2 id="demo-census">{t('verify.demoTitle')}</h2>
      <p>{t('verify.demoIntro')}</p>
      <ul className="usa-list usa-list--unstyled">
        {entries.map((entry) => {
          const area = bySlug(entry.area);
          return (
            <li key={entry.documentNumber} className="margin-bottom-1">
              <code>{entry.documentNumber}</code> · <code>{entry.birthDate}</code> · {area ? name(area) : entry.area}{' '}
              <Button type="button" unstyled onClick={() => onUse(entry)}>
                {t('verify.useEntry', { number: entry.documentNumber })}
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function VerifyPage() {
  const { t } = useTranslation();
  usePageTitle(t('verify.title'));
  const { name } = useLocalize();
  const { session, refresh } = useSession();
  const { byId } = useAreas();
  const [documentNumber, setDocumentNumber] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [result, setResult] = useState<VerificationResult | null>(null);

  const submit = useAction(async () => {
    const verified = await api.post<VerificationResult>('/me/verification', { documentNumber, birthDate });
    setResult(verified);
    setDocumentNumber('');
    await refresh();
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit.run();
  };

  const user = session?.user ?? null;
  const explanation = (
    <SummaryBox className="margin-y-3">
      <SummaryBoxHeading headingLevel="h2">{t('verify.whyTitle')}</SummaryBoxHeading>
      <SummaryBoxContent>
        <ul className="usa-list">
          <li>{t('verify.whyBinding')}</li>
          <li>{t('verify.whyHash')}</li>
          <li>{t('verify.whyOnce')}</li>
        </ul>
      </SummaryBoxContent>
    </SummaryBox>
  );

  let body;
  if (!session) {
    body = <Loading />;
  } else if (result) {
    body = (
      <Alert type="success" headingLevel="h2" heading={t('verify.successHeading')} role="status" data-testid="verify-success">
        {t('verify.success', { area: name(result.area) })}{' '}
        <Link to={`/areas/${result.area.slug}`}>{t('verify.seeArea', { area: name(result.area) })}</Link>
      </Alert>
    );
  } else if (!user) {
    body = (
      <>
        {explanation}
        <p>
          {t('verify.signInFirst')} <Link to="/signin" state={{ from: '/verify' }}>{t('header.signIn')}</Link> ·{' '}
          <Link to="/signup">{t('header.signUp')}</Link>
        </p>
      </>
    );
  } else if (session.actingFor ? session.actingFor.verified : user.verified) {
    const area = byId(user.areaId);
    body = (
      <Alert type="success" headingLevel="h2" slim role="status">
        {session.actingFor
          ? t('verify.actingAlreadyVerified', { name: session.actingFor.displayName })
          : area
            ? t('verify.alreadyVerifiedIn', { area: name(area) })
            : t('verify.alreadyVerified')}
      </Alert>
    );
  } else {
    body = (
      <>
        {explanation}
        {session.actingFor ? (
          <Alert type="warning" headingLevel="h2" slim>
            {t('verify.actingFor', { name: session.actingFor.displayName })}
          </Alert>
        ) : null}
        <ApiErrorAlert error={submit.error} />
        <Form onSubmit={onSubmit} noValidate aria-label={t('verify.title')}>
          <TextField
            id="verify-document"
            name="documentNumber"
            label={t('verify.documentNumber')}
            hint={t('verify.documentNumberHint')}
            autoComplete="off"
            value={documentNumber}
            onChange={setDocumentNumber}
            error={submit.error}
          />
          <TextField
            id="verify-birth-date"
            name="birthDate"
            type="date"
            label={t('verify.birthDate')}
            autoComplete="bday"
            value={birthDate}
            onChange={setBirthDate}
            error={submit.error}
          />
          <Button type="submit" disabled={submit.pending}>
            {submit.pending ? t('common.working') : t('verify.submit')}
          </Button>
        </Form>
        {session.demo ? (
          <DemoCensus
            onUse={(entry) => {
              setDocumentNumber(entry.documentNumber);
              setBirthDate(entry.birthDate);
              document.getElementById('verify-document')?.focus();
            }}
          />
        ) : null}
      </>
    );
  }

  return (
    <div className="civitas-narrow">
      <h1>{t('verify.title')}</h1>
      <p className="civitas-lead">{t('verify.intro')}</p>
      {body}
    </div>
  );
}
