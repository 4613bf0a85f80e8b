/**
 * The department registers a commitment or an innovation program (from a qualified proposal when
 * opened with `?proposalId=`, prefilled from it), or edits one: what, legal basis, responsible
 * department and post, area, planned budget and dates, and the expected benefit as an indicator
 * with a baseline and a target. What was typed is kept across errors (a draft per form).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, Button, Fieldset, Form, Radio } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useAreas } from '../../../../web/src/app/areas.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { SelectField, TextAreaField, TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { SignInRequired } from '../../../../web/src/ui/sign-in-required.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { commitmentUrl, type CommitmentDetail, type CommitmentOptions } from './types.js';

interface Values {
  kind: 'commitment' | 'innovation_program';
  title: string;
  titleZh: string;
  description: string;
  descriptionZh: string;
  legalBasis: string;
  legalBasisZh: string;
  departmentId: string;
  postId: string;
  areaId: string;
  plannedBudget: string;
  plannedStart: string;
  plannedEnd: string;
  benefitIndicator: string;
  benefitIndicatorZh: string;
  benefitUnit: string;
  benefitBaseline: string;
  benefitTarget: string;
  status: 'proposed' | 'adopted';
}

const EMPTY: Values = {
  kind: 'innovation_program', title: '', titleZh: '', description: '', descriptionZh: '', legalBasis: '', legalBasisZh: '', departmentId: '', postId: '', areaId: '',
  plannedBudget: '', plannedStart: '', plannedEnd: '', benefitIndicator: '', benefitIndicatorZh: '', benefitUnit: '', benefitBaseline: '', benefitTarget: '', status: 'proposed',
};

function fromDetail(d: CommitmentDetail): Values {
  const c = d.commitment;
  return {
    kind: c.kind, title: c.title, titleZh: c.titleZh ?? '', description: c.description, descriptionZh: c.descriptionZh ?? '', legalBasis: c.legalBasis, legalBasisZh: c.legalBasisZh ?? '',
    departmentId: c.department.id, postId: c.postId ?? '', areaId: c.areaId ?? '', plannedBudget: String(c.plannedBudget), plannedStart: c.plannedStart, plannedEnd: c.plannedEnd,
    benefitIndicator: c.benefit.indicator, benefitIndicatorZh: c.benefit.indicatorZh ?? '', benefitUnit: c.benefit.unit, benefitBaseline: String(c.benefit.baseline), benefitTarget: String(c.benefit.target),
    status: 'proposed',
  };
}

export function CommitmentFormPage() {
  const { id } = useParams();
  const editing = Boolean(id);
  const [params] = useSearchParams();
  const proposalId = params.get('proposalId');
  const { t } = useTranslation();
  const { name, pick } = useLocalize();
  const { session } = useSession();
  const areas = useAreas();
  const navigate = useNavigate();
  usePageTitle(editing ? t('accountability.form.editTitle') : t('accountability.form.title'));
  const user = session?.user ?? null;
  const options = useLoad(() => api.get<CommitmentOptions>('/commitments/options', { proposalId: proposalId ?? undefined }), [proposalId], Boolean(user));
  const existing = useLoad(() => api.get<CommitmentDetail>(`/commitments/${id}`), [id], editing);
  const [values, setValues] = useState<Values>(EMPTY);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (ready || !options.data) return;
    if (editing) {
      if (!existing.data) return;
      setValues(fromDetail(existing.data));
    } else {
      const pre = options.data.prefill;
      const first = options.data.departments[0]?.id ?? '';
      setValues({
        ...EMPTY,
        departmentId: pre?.departmentId ?? first,
        kind: pre?.kind ?? 'innovation_program',
        title: pre?.title ?? '',
        description: pre?.description ?? '',
        areaId: pre?.areaId ?? '',
        plannedStart: pre?.plannedStart ?? '',
      });
    }
    setReady(true);
  }, [ready, options.data, existing.data, editing]);

  const send = useAction(async () => {
    const number = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));
    const body = {
      kind: values.kind,
      title: values.title,
      titleZh: values.titleZh || null,
      description: values.description,
      descriptionZh: values.descriptionZh || null,
      legalBasis: values.legalBasis,
      legalBasisZh: values.legalBasisZh || null,
      departmentId: values.departmentId,
      postId: values.postId || null,
      areaId: values.areaId || null,
      plannedBudget: number(values.plannedBudget),
      plannedStart: values.plannedStart,
      plannedEnd: values.plannedEnd,
      benefitIndicator: values.benefitIndicator,
      benefitIndicatorZh: values.benefitIndicatorZh || null,
      benefitUnit: values.benefitUnit,
      benefitBaseline: number(values.benefitBaseline),
      benefitTarget: number(values.benefitTarget),
    };
    if (editing) {
      await api.put(`/commitments/${id}`, body);
      navigate(commitmentUrl(id!));
    } else {
      const origin = options.data?.prefill?.origin;
      const created = await api.post<{ id: string }>('/commitments', { ...body, status: values.status, origin: origin ? { type: origin.type, id: origin.id } : null });
      navigate(commitmentUrl(created.id));
    }
  });

  if (session && !user) return <SignInRequired />;
  if (options.error) return <ApiErrorAlert error={options.error} />;
  if (existing.error) return <ApiErrorAlert error={existing.error} />;
  if (!options.data || !ready) return <Loading />;
  const data = options.data;
  const department = data.departments.find((d) => d.id === values.departmentId);
  const error = send.error;
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send.run();
  };

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={editing ? commitmentUrl(id!) : '/commitments'}>{editing ? pick(existing.data!.commitment.title, existing.data!.commitment.titleZh) : t('accountability.list.title')}</Link>
        </p>
        <h1>{editing ? t('accountability.form.editTitle') : t('accountability.form.title')}</h1>
        <p className="civitas-lead">{t('accountability.form.intro')}</p>
      </div>
      {data.prefill ? (
        <Alert type="info" headingLevel="h2" slim data-testid="prefill-origin">
          {t('accountability.form.fromProposal')} <Link to={data.prefill.origin.path}>{data.prefill.origin.title}</Link>
        </Alert>
      ) : null}
      {data.departments.length === 0 ? <p>{t('accountability.form.noDepartments')}</p> : null}
      <ApiErrorAlert error={error} />
      <Form onSubmit={submit} large className="maxw-full">
        <Fieldset legend={t('accountability.form.kind')} legendStyle="default">
          {(['innovation_program', 'commitment'] as const).map((k) => (
            <Radio key={k} id={`commitment-kind-${k}`} name="kind" value={k} checked={values.kind === k} onChange={() => set({ kind: k })} label={t(`accountability.kind.${k}`)} />
          ))}
        </Fieldset>
        <TextField id="commitment-title" name="title" label={t('accountability.form.titleField')} value={values.title} onChange={(title) => set({ title })} error={error} maxLength={200} />
        <TextField id="commitment-title-zh" name="titleZh" label={t('accountability.form.titleZh')} optional value={values.titleZh} onChange={(titleZh) => set({ titleZh })} error={error} maxLength={200} />
        <TextAreaField id="commitment-description" name="description" label={t('accountability.form.description')} value={values.description} onChange={(description) => set({ description })} error={error} />
        <TextAreaField id="commitment-description-zh" name="descriptionZh" label={t('accountability.form.descriptionZh')} optional value={values.descriptionZh} onChange={(descriptionZh) => set({ descriptionZh })} error={error} />
        <TextField id="commitment-legal-basis" name="legalBasis" label={t('accountability.form.legalBasis')} hint={t('accountability.form.legalBasisHint')} value={values.legalBasis} onChange={(legalBasis) => set({ legalBasis })} error={error} />
        <TextField id="commitment-legal-basis-zh" name="legalBasisZh" label={t('accountability.form.legalBasisZh')} optional value={values.legalBasisZh} onChange={(legalBasisZh) => set({ legalBasisZh })} error={error} />
        <SelectField
          id="commitment-department"
          name="departmentId"
          label={t('accountability.form.department')}
          value={values.departmentId}
          onChange={(departmentId) => set({ departmentId, postId: '' })}
          error={error}
          options={data.departments.map((d) => ({ value: d.id, label: name(d) }))}
        />
        <SelectField
          id="commitment-post"
          name="postId"
          label={t('accountability.form.post')}
          optional
          emptyLabel={t('accountability.form.noPost')}
          value={values.postId}
          onChange={(postId) => set({ postId })}
          error={error}
          options={(department?.posts ?? []).map((p) => ({ value: p.id, label: pick(p.title, p.titleZh) }))}
        />
        <SelectField
          id="commitment-area"
          name="areaId"
          label={t('accountability.form.area')}
          hint={t('accountability.form.areaHint')}
          optional
          emptyLabel={t('accountability.form.everywhere')}
          value={values.areaId}
          onChange={(areaId) => set({ areaId })}
          error={error}
          options={areas.rows.map((r) => ({ value: r.area.id, label: `${'  '.repeat(r.depth)}${name(r.area)}` }))}
        />
        <TextField id="commitment-budget" name="plannedBudget" type="number" label={t('accountability.form.plannedBudget')} hint={t('accountability.form.currencyHint')} value={values.plannedBudget} onChange={(plannedBudget) => set({ plannedBudget })} error={error} />
        <TextField id="commitment-start" name="plannedStart" type="date" label={t('accountability.form.plannedStart')} value={values.plannedStart} onChange={(plannedStart) => set({ plannedStart })} error={error} />
        <TextField id="commitment-end" name="plannedEnd" type="date" label={t('accountability.form.plannedEnd')} value={values.plannedEnd} onChange={(plannedEnd) => set({ plannedEnd })} error={error} />
        <Fieldset legend={t('accountability.form.benefit')} legendStyle="default">
          <p className="usa-hint margin-top-0">{t('accountability.form.benefitHint')}</p>
          <TextField id="commitment-indicator" name="benefitIndicator" label={t('accountability.form.indicator')} value={values.benefitIndicator} onChange={(benefitIndicator) => set({ benefitIndicator })} error={error} />
          <TextField id="commitment-indicator-zh" name="benefitIndicatorZh" label={t('accountability.form.indicatorZh')} optional value={values.benefitIndicatorZh} onChange={(benefitIndicatorZh) => set({ benefitIndicatorZh })} error={error} />
          <TextField id="commitment-unit" name="benefitUnit" label={t('accountability.form.unit')} value={values.benefitUnit} onChange={(benefitUnit) => set({ benefitUnit })} error={error} />
          <TextField id="commitment-baseline" name="benefitBaseline" type="number" label={t('accountability.form.baseline')} value={values.benefitBaseline} onChange={(benefitBaseline) => set({ benefitBaseline })} error={error} />
          <TextField id="commitment-target" name="benefitTarget" type="number" label={t('accountability.form.target')} value={values.benefitTarget} onChange={(benefitTarget) => set({ benefitTarget })} error={error} />
        </Fieldset>
        {!editing ? (
          <Fieldset legend={t('accountability.form.startAs')} legendStyle="default">
            <Radio id="commitment-status-proposed" name="status" value="proposed" checked={values.status === 'proposed'} onChange={() => set({ status: 'proposed' })} label={t('accountability.form.startProposed')} />
            <Radio id="commitment-status-adopted" name="status" value="adopted" checked={values.status === 'adopted'} onChange={() => set({ status: 'adopted' })} label={t('accountability.form.startAdopted')} />
          </Fieldset>
        ) : null}
        <Button type="submit" disabled={send.pending} className="margin-top-3">
          {editing ? t('accountability.form.save') : t('accountability.form.submit')}
        </Button>
      </Form>
    </>
  );
}
