/**
 * The caller's application to a hearing: where it stands (applied, speaking, seated, waiting list
 * with their place), the form to apply to attend or to speak with a position and a short
 * statement (for themselves or an organization they represent), and withdrawing. When the caller
 * cannot apply, it says why and what to do next.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Button, Fieldset } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { SelectField, TextAreaField } from '../../../../web/src/ui/field.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useDraft } from '../../../../web/src/ui/use-draft.js';
import type { HearingDetail, PositionName } from './types.js';

interface Values {
  kind: 'attend' | 'speak';
  position: PositionName | '';
  statement: string;
  organizationId: string;
}

const positions: PositionName[] = ['for', 'against', 'neutral'];

export function RegistrationPanel({ detail, onChanged }: { detail: HearingDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { name, dateTime } = useLocalize();
  const { hearing, myRegistration: mine, abilities, registrationBlocked } = detail;
  const active = mine !== null && mine.status !== 'withdrawn';
  const [editing, setEditing] = useState(false);
  const [values, setValues, clearDraft] = useDraft<Values>(`hearing-registration:${hearing.id}`, { kind: 'attend', position: '', statement: '', organizationId: '' });
  useEffect(() => {
    if (mine && active && editing) setValues({ kind: mine.kind, position: mine.position, statement: mine.statement, organizationId: mine.organization?.id ?? '' });
    // Only when the form opens for a change.
  }, [editing]);
  const selfAllowed = !registrationBlocked;
  const save = useAction(async () => {
    await api.put(`/hearings/${hearing.id}/registration`, {
      kind: values.kind,
      position: values.position || undefined,
      statement: values.statement,
      organizationId: values.organizationId || null,
    });
    clearDraft();
    setEditing(false);
    onChanged();
  });
  const withdraw = useAction(async () => {
    await api.delete(`/hearings/${hearing.id}/registration`);
    onChanged();
  });
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  const showForm = abilities.register && (!active || editing);
  const error = save.error;

  return (
    <div className="civitas-panel margin-bottom-3" data-testid="registration-panel">
      <h2 className="font-heading-md margin-top-0">{t('hearings.register.heading')}</h2>
      <p className="font-ui-xs">
        {t('hearings.register.window', { from: dateTime(hearing.registrationOpensAt), until: dateTime(hearing.registrationClosesAt) })}
      </p>
      {active && mine ? (
        <div data-testid="my-registration">
          <p className="text-bold margin-bottom-05">{t(`hearings.register.status.${mine.status}`, { rank: mine.waitingRank ?? '' })}</p>
          <p className="margin-top-0 font-ui-xs">
            {t(`hearings.register.kind.${mine.kind}`)} · {t(`hearings.position.${mine.position}`)}
            {mine.organization ? <> · {name(mine.organization)}</> : null}
          </p>
          <p className="font-ui-xs text-base">{t('hearings.register.yourId', { id: mine.id })}</p>
        </div>
      ) : mine?.status === 'withdrawn' ? (
        <p>{t('hearings.register.status.withdrawn')}</p>
      ) : null}

      {showForm ? (
        <form className="usa-form maxw-full" onSubmit={submit} noValidate aria-label={t('hearings.register.heading')}>
          <ApiErrorAlert error={error} />
          <Fieldset legend={t('hearings.register.kindLegend')}>
            {(['attend', 'speak'] as const).map((kind) => (
              <div className="usa-radio" key={kind}>
                <input
                  className="usa-radio__input"
                  id={`registration-kind-${kind}`}
                  type="radio"
                  name="kind"
                  value={kind}
                  checked={values.kind === kind}
                  disabled={kind === 'speak' && hearing.speakingSlots === 0}
                  onChange={() => setValues({ ...values, kind })}
                />
                <label className="usa-radio__label" htmlFor={`registration-kind-${kind}`}>
                  {t(`hearings.register.kind.${kind}`)}
                </label>
              </div>
            ))}
            {error?.fieldMessage('kind') ? <p className="usa-error-message">{error.fieldMessage('kind')}</p> : null}
          </Fieldset>
          <Fieldset legend={t('hearings.register.positionLegend')}>
            {positions.map((position) => (
              <div className="usa-radio" key={position}>
                <input
                  className="usa-radio__input"
                  id={`registration-position-${position}`}
                  type="radio"
                  name="position"
                  value={position}
                  checked={values.position === position}
                  onChange={() => setValues({ ...values, position })}
                />
                <label className="usa-radio__label" htmlFor={`registration-position-${position}`}>
                  {t(`hearings.position.${position}`)}
                </label>
              </div>
            ))}
            {error?.fieldMessage('position') ? <p className="usa-error-message">{error.fieldMessage('position')}</p> : null}
          </Fieldset>
          <TextAreaField
            id="registration-statement"
            name="statement"
            label={t('hearings.register.statement')}
            hint={t('hearings.register.statementHint')}
            maxLength={1000}
            value={values.statement}
            onChange={(statement) => setValues({ ...values, statement })}
            error={error}
          />
          {detail.organizations.length > 0 ? (
            <SelectField
              id="registration-organization"
              name="organizationId"
              label={t('hearings.register.as')}
              emptyLabel={t('hearings.register.asMyself')}
              optional
              options={detail.organizations.map((o) => ({ value: o.id, label: name(o) }))}
              value={values.organizationId}
              onChange={(organizationId) => setValues({ ...values, organizationId })}
              error={error}
            />
          ) : null}
          <p className="font-ui-xs">{t('hearings.register.lotNote')}</p>
          <Button type="submit" disabled={save.pending || (!selfAllowed && !values.organizationId)}>
            {active ? t('hearings.register.saveChange') : t('hearings.register.apply')}
          </Button>
          {editing ? (
            <Button type="button" unstyled className="margin-left-2" onClick={() => setEditing(false)}>
              {t('hearings.register.cancelChange')}
            </Button>
          ) : null}
        </form>
      ) : null}

      {active && abilities.register && !editing ? (
        <Button type="button" outline onClick={() => setEditing(true)}>
          {t('hearings.register.change')}
        </Button>
      ) : null}
      {active && abilities.withdraw && !confirmWithdraw ? (
        <Button type="button" unstyled className="margin-top-2 display-block" onClick={() => setConfirmWithdraw(true)}>
          {t('hearings.register.withdraw')}
        </Button>
      ) : null}
      {confirmWithdraw ? (
        <div className="margin-top-2" role="alertdialog" aria-labelledby="withdraw-question">
          <p id="withdraw-question">{hearing.drawnAt ? t('hearings.register.withdrawConfirmDrawn') : t('hearings.register.withdrawConfirm')}</p>
          <ApiErrorAlert error={withdraw.error} />
          <Button type="button" secondary disabled={withdraw.pending} onClick={() => void withdraw.run().then((ok) => ok && setConfirmWithdraw(false))}>
            {t('hearings.register.confirmWithdraw')}
          </Button>
          <Button type="button" outline onClick={() => setConfirmWithdraw(false)}>
            {t('hearings.register.keep')}
          </Button>
        </div>
      ) : null}

      {!abilities.register && !active && registrationBlocked ? (
        <p data-testid="registration-blocked">
          {registrationBlocked.message}{' '}
          {registrationBlocked.code === 'not_authenticated' ? (
            <Link to="/signin" state={{ from: `${location.pathname}${location.search}` }}>
              {t('header.signIn')}
            </Link>
          ) : registrationBlocked.code === 'requires_verification' ? (
            <Link to="/verify">{t('verify.title')}</Link>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
