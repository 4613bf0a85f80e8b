/**
 * Reporting a problem: the kind of problem (grouped), what is wrong, the area, where exactly (an
 * address, coordinates, or "use my location" from the phone; no map service needed), photos, and
 * whether to show one's name. What was typed survives errors, reloads and a detour through sign-in.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button, Fieldset, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useAreas } from '../../../../web/src/app/areas.js';
import { useSession } from '../../../../web/src/app/session.js';
import { flashState } from '../../../../web/src/app/flash.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { SelectField, TextAreaField, TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { AttachmentsField, type Attachment } from '../../../../web/src/ui/attachments.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { SignInRequired } from '../../../../web/src/ui/sign-in-required.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useDraft } from '../../../../web/src/ui/use-draft.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { CategorySelect } from './category-select.js';
import { PlaceMarker } from './parts.js';
import { reportUrl, type CategoriesResponse } from './types.js';

interface Values {
  categoryId: string;
  description: string;
  areaId: string;
  address: string;
  latitude: string;
  longitude: string;
  showName: boolean;
  attachments: Attachment[];
}

const empty: Values = { categoryId: '', description: '', areaId: '', address: '', latitude: '', longitude: '', showName: false, attachments: [] };
const MAX_PHOTOS = 6;

function coordinate(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? null : Number(trimmed);
}

type Locating = { state: 'idle' } | { state: 'busy' } | { state: 'done' } | { state: 'failed'; reason: 'denied' | 'unavailable' };

export function ReportFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const user = session?.user ?? null;
  const { rows, byId } = useAreas();
  const { name, pick } = useLocalize();
  usePageTitle(t('reports.form.title'));
  const categories = useLoad(() => api.get<CategoriesResponse>('/problem-reports/categories'), []);
  const [values, setValues] = useDraft<Values>('report:new', { ...empty, areaId: user?.areaId ?? '' });
  const set = (patch: Partial<Values>) => setValues((current) => ({ ...current, ...patch }));
  const [locating, setLocating] = useState<Locating>({ state: 'idle' });
  const canLocate = typeof navigator !== 'undefined' && 'geolocation' in navigator;

  function locate() {
    if (!canLocate) return;
    setLocating({ state: 'busy' });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        set({ latitude: position.coords.latitude.toFixed(6), longitude: position.coords.longitude.toFixed(6) });
        setLocating({ state: 'done' });
      },
      (error) => setLocating({ state: 'failed', reason: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  const save = useAction(async () => {
    const created = await api.post<{ id: string; departmentId: string; dueAt: string }>('/problem-reports', {
      categoryId: values.categoryId,
      description: values.description,
      areaId: values.areaId || null,
      address: values.address.trim() || null,
      latitude: coordinate(values.latitude),
      longitude: coordinate(values.longitude),
      showName: values.showName,
      attachmentIds: values.attachments.map((a) => a.id),
    });
    setValues(empty);
    navigate(reportUrl(created.id), { state: flashState({ type: 'success', message: 'reports.form.sent' }) });
  });

  if (session && !user) return <SignInRequired />;
  if (categories.error) return <ApiErrorAlert error={categories.error} />;
  if (!categories.data || !session) return <Loading />;
  const error = save.error;
  const chosen = categories.data.categories.find((c) => c.id === values.categoryId);
  const lat = coordinate(values.latitude);
  const lon = coordinate(values.longitude);
  const showMarker = lat !== null && lon !== null && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
  const route = chosen && values.areaId ? routeFor(chosen, values.areaId) : chosen?.department;

  function routeFor(category: NonNullable<typeof chosen>, areaId: string) {
    // The nearest area with its own department for this category, as the server routes it.
    let current = byId(areaId);
    for (let depth = 0; current && depth < 20; depth++) {
      const hit = category.routes.find((r) => r.areaId === current!.id);
      if (hit) return hit.department;
      current = byId(current.parentId);
    }
    return category.department;
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save.run();
  };

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/reports">{t('reports.list.title')}</Link>
        </p>
        <h1>{t('reports.form.title')}</h1>
        <p className="civitas-lead">{t('reports.form.intro')}</p>
      </div>
      <Form onSubmit={submit} noValidate className="maxw-tablet-lg" aria-label={t('reports.form.title')}>
        <ApiErrorAlert error={error} />
        <CategorySelect
          id="report-category"
          label={t('reports.form.category')}
          hint={t('reports.form.categoryHint')}
          categories={categories.data.categories}
          value={values.categoryId}
          onChange={(categoryId) => set({ categoryId })}
          emptyLabel={t('reports.form.chooseCategory')}
          error={error?.fieldMessage('categoryId')}
        />
        {chosen ? (
          <div className="usa-summary-box margin-top-2" data-testid="routing-preview">
            <div className="usa-summary-box__body">
              {pick(chosen.description, chosen.descriptionZh) ? <p className="margin-top-0">{pick(chosen.description, chosen.descriptionZh)}</p> : null}
              <p className="margin-0">{t('reports.form.routedTo', { department: route ? name(route) : '', days: chosen.workingDays })}</p>
            </div>
          </div>
        ) : null}
        <TextAreaField
          id="report-description"
          name="description"
          label={t('reports.form.description')}
          hint={t('reports.form.descriptionHint')}
          maxLength={4000}
          value={values.description}
          onChange={(description) => set({ description })}
          error={error}
        />
        <SelectField
          id="report-area"
          name="areaId"
          label={t('reports.form.area')}
          hint={t('reports.form.areaHint')}
          optional
          emptyLabel={t('reports.form.noArea')}
          options={rows.map((r) => ({ value: r.area.id, label: `${'\u2003'.repeat(r.depth)}${name(r.area)}` }))}
          value={values.areaId}
          onChange={(areaId) => set({ areaId })}
          error={error}
        />

        <Fieldset legend={t('reports.form.where')} className="margin-top-3">
          <p className="usa-hint">{t('reports.form.whereHint')}</p>
          <TextField id="report-address" name="address" label={t('reports.form.address')} hint={t('reports.form.addressHint')} optional maxLength={300} value={values.address} onChange={(address) => set({ address })} error={error} />
          <div className="grid-row grid-gap">
            <div className="grid-col-12 mobile-lg:grid-col-6">
              <TextField id="report-latitude" name="latitude" label={t('reports.form.latitude')} optional inputMode="text" value={values.latitude} onChange={(latitude) => set({ latitude })} error={error} />
            </div>
            <div className="grid-col-12 mobile-lg:grid-col-6">
              <TextField id="report-longitude" name="longitude" label={t('reports.form.longitude')} optional inputMode="text" value={values.longitude} onChange={(longitude) => set({ longitude })} error={error} />
            </div>
          </div>
          {canLocate ? (
            <div className="margin-top-2">
              <Button type="button" outline onClick={locate} disabled={locating.state === 'busy'} data-testid="use-my-location">
                {locating.state === 'busy' ? t('reports.form.locating') : t('reports.form.useMyLocation')}
              </Button>
              <p className="usa-hint margin-top-1" role="status">
                {locating.state === 'done' ? t('reports.form.located') : null}
                {locating.state === 'failed' ? (locating.reason === 'denied' ? t('reports.form.locationDenied') : t('reports.form.locationUnavailable')) : null}
              </p>
            </div>
          ) : null}
          {showMarker ? (
            <div className="margin-top-2">
              <PlaceMarker latitude={lat} longitude={lon} address={values.address.trim() || null} />
            </div>
          ) : null}
        </Fieldset>

        <div className="margin-top-3">
          <AttachmentsField id="report-photos" value={values.attachments} onChange={(attachments) => set({ attachments })} max={MAX_PHOTOS} error={error?.fieldMessage('attachmentIds')} />
        </div>

        <div className="usa-checkbox margin-top-3">
          <input className="usa-checkbox__input" id="report-show-name" type="checkbox" checked={values.showName} onChange={(e) => set({ showName: e.target.checked })} aria-describedby="report-show-name-hint" />
          <label className="usa-checkbox__label" htmlFor="report-show-name">
            {t('reports.form.showName', { name: user?.displayName ?? '' })}
          </label>
          <p className="usa-hint margin-top-05" id="report-show-name-hint">
            {t('reports.form.showNameHint')}
          </p>
        </div>

        <div className="margin-top-3 display-flex flex-wrap flex-align-center">
          <Button type="submit" disabled={save.pending}>
            {t('reports.form.submit')}
          </Button>
          <Link to="/reports" className="margin-left-1">
            {t('reports.form.cancel')}
          </Link>
        </div>
      </Form>
    </>
  );
}
