/**
 * Submitting a project to a budget: title (optionally in Chinese too), description, estimated cost,
 * area within the budget's area, category with suggestions, optional location, and for
 * representatives on whose behalf. What was typed stays across errors and a detour through sign-in.
 */
import { AttachmentsField, type Attachment } from '../../../../web/src/ui/attachments.js';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Fieldset, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useAreas } from '../../../../web/src/app/areas.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { Field, SelectField, TextAreaField, TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { SignInRequired } from '../../../../web/src/ui/sign-in-required.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useDraft } from '../../../../web/src/ui/use-draft.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { Refusal } from './parts.js';
import { budgetUrl, projectUrl, type BudgetDetail } from './types.js';

interface Values {
  organizationId: string;
  title: string;
  titleZh: string;
  description: string;
  cost: string;
  areaId: string;
  category: string;
  address: string;
  latitude: string;
  longitude: string;
  attachments: Attachment[];
}

const empty: Values = { organizationId: '', title: '', titleZh: '', description: '', cost: '', areaId: '', category: '', address: '', latitude: '', longitude: '', attachments: [] };

function decimal(text: string): number | null {
  return text.trim() === '' ? null : Number(text.replace(',', '.'));
}

export function ProjectFormPage() {
  const { slug = '', id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const user = session?.user ?? null;
  const { rows, lineage } = useAreas();
  const { title, name } = useLocalize();
  const info = useLoad(() => api.get<BudgetDetail>(`/budgets/${encodeURIComponent(id)}`), [id, user?.id], session !== null);
  const [values, setValues, clear] = useDraft<Values>(`budget-project:new:${id}`, empty);
  const set = (patch: Partial<Values>) => setValues({ ...values, ...patch });
  usePageTitle(t('budgeting.form.title'));

  const representedFirst = info.data?.organizations[0]?.id ?? '';
  const organizationId = values.organizationId || (user?.verified ? '' : representedFirst);
  const save = useAction(async () => {
    const created = await api.post<{ id: string }>(`/budgets/${id}/projects`, {
      title: values.title,
      titleZh: values.titleZh.trim() || null,
      description: values.description,
      cost: decimal(values.cost) ?? 0,
      areaId: values.areaId || null,
      category: values.category.trim() || null,
      address: values.address.trim() || null,
      latitude: decimal(values.latitude),
      longitude: decimal(values.longitude),
      organizationId: organizationId || null,
      attachmentIds: (values.attachments ?? []).map((a) => a.id),
    });
    clear();
    navigate(projectUrl(slug, id, created.id));
  });

  if (session && !user) return <SignInRequired />;
  if (info.error) return <ApiErrorAlert error={info.error} />;
  if (!info.data) return <Loading />;
  const { budget } = info.data;
  const error = save.error;
  const areaOptions = rows
    .filter((r) => !budget.areaId || lineage(r.area.id).some((a) => a.id === budget.areaId))
    .map((r) => ({ value: r.area.id, label: `${'\u2003'.repeat(r.depth)}${name(r.area)}` }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={budgetUrl(slug, id)}>{title(budget)}</Link>
        </p>
        <h1>{t('budgeting.form.title')}</h1>
      </div>
      {!info.data.abilities.submit ? (
        <Refusal refusal={info.data.submitBlocked} />
      ) : (
        <Form onSubmit={submit} noValidate className="maxw-tablet-lg" aria-label={t('budgeting.form.title')}>
          <p>{t('budgeting.form.intro')}</p>
          <ApiErrorAlert error={error} />
          {info.data.organizations.length > 0 ? (
            <SelectField
              id="project-as"
              name="organizationId"
              label={t('budgeting.form.as')}
              options={[
                ...(user?.verified ? [{ value: '', label: t('budgeting.form.myself') }] : []),
                ...info.data.organizations.map((o) => ({ value: o.id, label: t('budgeting.form.forOrganization', { organization: name(o) }) })),
              ]}
              value={organizationId}
              onChange={(organizationId) => set({ organizationId })}
              error={error}
            />
          ) : null}
          <TextField id="project-title" name="title" label={t('budgeting.form.name')} hint={t('budgeting.form.nameHint')} maxLength={150} value={values.title} onChange={(v) => set({ title: v })} error={error} />
          <TextField id="project-title-zh" name="titleZh" label={t('budgeting.form.nameZh')} optional maxLength={150} value={values.titleZh} onChange={(v) => set({ titleZh: v })} error={error} />
          <TextAreaField id="project-description" name="description" label={t('budgeting.form.description')} hint={t('budgeting.form.descriptionHint')} maxLength={10_000} value={values.description} onChange={(v) => set({ description: v })} error={error} />
          <TextField id="project-cost" name="cost" type="number" label={t('budgeting.form.cost', { currency: budget.currency })} hint={t('budgeting.form.costHint')} value={values.cost} onChange={(v) => set({ cost: v })} error={error} />
          <SelectField id="project-area" name="areaId" label={t('budgeting.form.area')} optional emptyLabel={t('budgeting.form.noArea')} options={areaOptions} value={values.areaId} onChange={(v) => set({ areaId: v })} error={error} />
          <Field id="project-category" label={t('budgeting.form.category')} optional error={error?.fieldMessage('category')}>
            {(control) => (
              <>
                <input
                  {...control}
                  className={error?.fieldMessage('category') ? 'usa-input usa-input--error' : 'usa-input'}
                  name="category"
                  list="project-category-suggestions"
                  maxLength={60}
                  value={values.category}
                  onChange={(e) => set({ category: e.target.value })}
                />
                <datalist id="project-category-suggestions">
                  {info.data!.categories.map((c) => (
                    <option key={c} value={c} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Fieldset legend={t('budgeting.form.location')} className="margin-top-3">
            <TextField id="project-address" name="address" label={t('budgeting.form.address')} optional maxLength={300} value={values.address} onChange={(v) => set({ address: v })} error={error} />
            <div className="grid-row grid-gap">
              <div className="grid-col-12 tablet:grid-col-6">
                <TextField id="project-latitude" name="latitude" type="number" label={t('budgeting.form.latitude')} optional value={values.latitude} onChange={(v) => set({ latitude: v })} error={error} />
              </div>
              <div className="grid-col-12 tablet:grid-col-6">
                <TextField id="project-longitude" name="longitude" type="number" label={t('budgeting.form.longitude')} optional value={values.longitude} onChange={(v) => set({ longitude: v })} error={error} />
              </div>
            </div>
          </Fieldset>
          <div className="margin-top-3">
            <AttachmentsField id="project-attachments" value={values.attachments ?? []} onChange={(attachments) => set({ attachments })} max={8} error={error?.fieldMessage('attachmentIds')} />
          </div>
          <div className="margin-top-3">
            <Button type="submit" disabled={save.pending}>
              {t('budgeting.form.submit')}
            </Button>
            <Link className="usa-button usa-button--unstyled margin-left-2" to={budgetUrl(slug, id)}>
              {t('budgeting.form.cancel')}
            </Link>
          </div>
        </Form>
      )}
    </>
  );
}
