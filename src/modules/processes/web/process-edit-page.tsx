/**
 * The officials' editor of a process: details, legal basis, rules for proposals, the components it
 * holds, and its phases with the actions each opens. Used for new processes and for changes.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Fieldset, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import type { Organization } from '../../../../web/src/api-types.js';
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
import type { ComponentName, ProcessDetail } from './types.js';

const editableComponents: ComponentName[] = ['proposals', 'debates', 'regulations', 'budgeting', 'opinions', 'hearings'];
const componentActions: Record<string, string[]> = {
  proposals: ['propose', 'support', 'comment', 'amend'],
  debates: ['create', 'comment'],
  regulations: ['comment', 'support', 'amend'],
};

interface PhaseDraft {
  title: string;
  titleZh: string;
  description: string;
  startsAt: string;
  endsAt: string;
  actions: Record<string, string[]>;
}

interface Draft {
  title: string;
  titleZh: string;
  summary: string;
  summaryZh: string;
  body: string;
  departmentId: string;
  areaId: string;
  legalBasis: string;
  legalReference: string;
  components: ComponentName[];
  supportThreshold: string;
  answerWorkingDays: string;
  supportsPerPerson: string;
  phases: PhaseDraft[];
}

/** `datetime-local` value (local time) for an ISO instant, and back. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
function fromLocalInput(value: string): string {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

function emptyPhase(start: Date, days: number): PhaseDraft {
  const end = new Date(start.getTime() + days * 86_400_000);
  return { title: '', titleZh: '', description: '', startsAt: toLocalInput(start.toISOString()), endsAt: toLocalInput(end.toISOString()), actions: {} };
}

function emptyDraft(): Draft {
  const today = new Date();
  today.setHours(9, 0, 0, 0);
  return {
    title: '', titleZh: '', summary: '', summaryZh: '', body: '', departmentId: '', areaId: '', legalBasis: '', legalReference: '',
    components: ['proposals'], supportThreshold: '50', answerWorkingDays: '15', supportsPerPerson: '', phases: [emptyPhase(today, 21)],
  };
}

function draftOf(detail: ProcessDetail): Draft {
  const p = detail.process;
  return {
    title: p.title, titleZh: p.titleZh ?? '', summary: p.summary, summaryZh: p.summaryZh ?? '', body: p.body, departmentId: p.department.id,
    areaId: p.areaId ?? '', legalBasis: p.legalBasis, legalReference: p.legalReference ?? '', components: p.components,
    supportThreshold: String(p.supportThreshold), answerWorkingDays: String(p.answerWorkingDays), supportsPerPerson: p.supportsPerPerson ? String(p.supportsPerPerson) : '',
    phases: detail.phases.map((ph) => ({
      title: ph.title, titleZh: ph.titleZh ?? '', description: ph.description, startsAt: toLocalInput(ph.startsAt), endsAt: toLocalInput(ph.endsAt),
      actions: Object.fromEntries(Object.entries(ph.actions).map(([k, v]) => [k, v ?? []])),
    })),
  };
}

export function ProcessEditPage() {
  const { slug } = useParams();
  const editing = Boolean(slug);
  const { t } = useTranslation();
  usePageTitle(editing ? t('processes.edit.editTitle') : t('processes.edit.newTitle'));
  const navigate = useNavigate();
  const { session } = useSession();
  const { name } = useLocalize();
  const { rows } = useAreas();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const existing = useLoad(() => api.get<ProcessDetail>(`/processes/${slug}`), [slug], editing);
  const isAdmin = Boolean(session?.user?.roles.includes('administrator'));
  const departments = useLoad(
    () => api.get<{ organizations: Organization[] }>('/organizations', { sector: 'government', limit: 200 }),
    [isAdmin],
    Boolean(session?.user),
  );

  useEffect(() => {
    if (existing.data) setDraft(draftOf(existing.data));
  }, [existing.data]);

  const myDepartments = (departments.data?.organizations ?? []).filter(
    (o) => isAdmin || session?.user?.posts.some((p) => p.organizationId === o.id),
  );
  useEffect(() => {
    if (!editing && !draft.departmentId && myDepartments[0]) setDraft((d) => ({ ...d, departmentId: myDepartments[0]!.id }));
  }, [myDepartments.length]);

  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setPhase = (i: number, patch: Partial<PhaseDraft>) => setDraft((d) => ({ ...d, phases: d.phases.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
  const toggleAction = (i: number, component: string, action: string) =>
    setDraft((d) => ({
      ...d,
      phases: d.phases.map((p, j) => {
        if (j !== i) return p;
        const current = p.actions[component] ?? [];
        const next = current.includes(action) ? current.filter((a) => a !== action) : [...current, action];
        return { ...p, actions: { ...p.actions, [component]: next } };
      }),
    }));

  const save = useAction(async () => {
    const body = {
      title: draft.title,
      titleZh: draft.titleZh.trim() || null,
      summary: draft.summary,
      summaryZh: draft.summaryZh.trim() || null,
      body: draft.body,
      areaId: draft.areaId || null,
      legalBasis: draft.legalBasis,
      legalReference: draft.legalReference.trim() || null,
      components: draft.components,
      supportThreshold: Number(draft.supportThreshold),
      answerWorkingDays: Number(draft.answerWorkingDays),
      supportsPerPerson: draft.supportsPerPerson ? Number(draft.supportsPerPerson) : null,
      phases: draft.phases.map((p) => ({
        title: p.title,
        titleZh: p.titleZh.trim() || null,
        description: p.description,
        startsAt: fromLocalInput(p.startsAt),
        endsAt: fromLocalInput(p.endsAt),
        actions: Object.fromEntries(Object.entries(p.actions).filter(([c, list]) => draft.components.includes(c as ComponentName) && list.length > 0)),
      })),
    };
    const result = editing
      ? await api.put<{ slug: string }>(`/processes/${slug}`, body)
      : await api.post<{ slug: string }>('/processes', { ...body, departmentId: draft.departmentId });
    navigate(`/processes/${result.slug}`);
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save.run();
  };

  if (!session) return <Loading />;
  if (!session.user) return <SignInRequired />;
  if (editing && !existing.data) return existing.error ? <ApiErrorAlert error={existing.error} /> : <Loading />;
  const err = save.error;

  return (
    <>
      <h1>{editing ? t('processes.edit.editTitle') : t('processes.edit.newTitle')}</h1>
      <ApiErrorAlert error={err} />
      <Form onSubmit={onSubmit} noValidate large aria-label={editing ? t('processes.edit.editTitle') : t('processes.edit.newTitle')}>
        <TextField id="process-title" name="title" label={t('processes.edit.fields.title')} value={draft.title} onChange={set('title')} error={err} />
        <TextField id="process-title-zh" name="titleZh" label={t('processes.edit.fields.titleZh')} optional value={draft.titleZh} onChange={set('titleZh')} error={err} />
        <TextAreaField id="process-summary" name="summary" label={t('processes.edit.fields.summary')} value={draft.summary} onChange={set('summary')} error={err} />
        <TextAreaField id="process-summary-zh" name="summaryZh" label={t('processes.edit.fields.summaryZh')} optional value={draft.summaryZh} onChange={set('summaryZh')} error={err} />
        <TextAreaField id="process-body" name="body" label={t('processes.edit.fields.body')} optional value={draft.body} onChange={set('body')} error={err} />
        {!editing ? (
          <SelectField
            id="process-department"
            name="departmentId"
            label={t('processes.edit.fields.department')}
            value={draft.departmentId}
            onChange={set('departmentId')}
            options={myDepartments.map((o) => ({ value: o.id, label: name(o) }))}
            error={err}
          />
        ) : null}
        <SelectField
          id="process-area"
          name="areaId"
          label={t('processes.edit.fields.area')}
          optional
          emptyLabel={t('processes.edit.wholeCity')}
          value={draft.areaId}
          onChange={set('areaId')}
          options={rows.map(({ area, depth }) => ({ value: area.id, label: `${'\u00a0\u00a0'.repeat(depth)}${name(area)}` }))}
          error={err}
        />
        <TextAreaField id="process-legal-basis" name="legalBasis" label={t('processes.edit.fields.legalBasis')} hint={t('processes.edit.legalBasisHint')} value={draft.legalBasis} onChange={set('legalBasis')} error={err} />
        <TextField id="process-legal-reference" name="legalReference" label={t('processes.edit.fields.legalReference')} optional value={draft.legalReference} onChange={set('legalReference')} error={err} />
        <Fieldset legend={t('processes.edit.fields.components')}>
          {editableComponents.map((c) => (
            <div className="usa-checkbox" key={c}>
              <input
                className="usa-checkbox__input"
                id={`component-${c}`}
                type="checkbox"
                checked={draft.components.includes(c)}
                onChange={() => set('components')(draft.components.includes(c) ? draft.components.filter((x) => x !== c) : [...draft.components, c])}
              />
              <label className="usa-checkbox__label" htmlFor={`component-${c}`}>
                {t(`processes.components.${c}`)}
              </label>
            </div>
          ))}
        </Fieldset>
        {draft.components.includes('proposals') ? (
          <>
            <TextField id="process-threshold" name="supportThreshold" type="number" label={t('processes.edit.fields.supportThreshold')} hint={t('processes.edit.thresholdHint')} value={draft.supportThreshold} onChange={set('supportThreshold')} error={err} />
            <TextField id="process-answer-days" name="answerWorkingDays" type="number" label={t('processes.edit.fields.answerWorkingDays')} value={draft.answerWorkingDays} onChange={set('answerWorkingDays')} error={err} />
            <TextField id="process-supports-per-person" name="supportsPerPerson" type="number" label={t('processes.edit.fields.supportsPerPerson')} optional value={draft.supportsPerPerson} onChange={set('supportsPerPerson')} error={err} />
          </>
        ) : null}

        <h2>{t('processes.edit.phases')}</h2>
        {draft.phases.map((phase, i) => (
          <Fieldset key={i} legend={t('processes.edit.phaseLegend', { n: i + 1 })} className="civitas-phase-editor">
            <TextField id={`phase-${i}-title`} name={`phases.${i}.title`} label={t('processes.edit.fields.phaseTitle')} value={phase.title} onChange={(v) => setPhase(i, { title: v })} error={err} />
            <TextField id={`phase-${i}-title-zh`} name={`phases.${i}.titleZh`} label={t('processes.edit.fields.phaseTitleZh')} optional value={phase.titleZh} onChange={(v) => setPhase(i, { titleZh: v })} error={err} />
            <TextAreaField id={`phase-${i}-description`} name={`phases.${i}.description`} label={t('processes.edit.fields.phaseDescription')} optional value={phase.description} onChange={(v) => setPhase(i, { description: v })} error={err} />
            <div className="usa-form-group">
              <label className="usa-label" htmlFor={`phase-${i}-start`}>{t('processes.edit.fields.startsAt')}</label>
              {err?.fieldMessage(`phases.${i}.startsAt`) ? <span className="usa-error-message">{err.fieldMessage(`phases.${i}.startsAt`)}</span> : null}
              <input className="usa-input" id={`phase-${i}-start`} type="datetime-local" value={phase.startsAt} onChange={(e) => setPhase(i, { startsAt: e.target.value })} />
            </div>
            <div className="usa-form-group">
              <label className="usa-label" htmlFor={`phase-${i}-end`}>{t('processes.edit.fields.endsAt')}</label>
              {err?.fieldMessage(`phases.${i}.endsAt`) ? <span className="usa-error-message">{err.fieldMessage(`phases.${i}.endsAt`)}</span> : null}
              <input className="usa-input" id={`phase-${i}-end`} type="datetime-local" value={phase.endsAt} onChange={(e) => setPhase(i, { endsAt: e.target.value })} />
            </div>
            {draft.components.filter((c) => componentActions[c]).map((c) => (
              <fieldset className="usa-fieldset margin-top-2" key={c}>
                <legend className="usa-legend">{t('processes.edit.openIn', { component: t(`processes.components.${c}`) })}</legend>
                {componentActions[c]!.map((action) => (
                  <div className="usa-checkbox" key={action}>
                    <input
                      className="usa-checkbox__input"
                      id={`phase-${i}-${c}-${action}`}
                      type="checkbox"
                      checked={phase.actions[c]?.includes(action) ?? false}
                      onChange={() => toggleAction(i, c, action)}
                    />
                    <label className="usa-checkbox__label" htmlFor={`phase-${i}-${c}-${action}`}>
                      {t(`processes.actions.${c}.${action}` as never)}
                    </label>
                  </div>
                ))}
              </fieldset>
            ))}
            {draft.phases.length > 1 ? (
              <Button type="button" unstyled className="margin-top-2" onClick={() => setDraft((d) => ({ ...d, phases: d.phases.filter((_, j) => j !== i) }))}>
                {t('processes.edit.removePhase', { n: i + 1 })}
              </Button>
            ) : null}
          </Fieldset>
        ))}
        <Button
          type="button"
          outline
          onClick={() =>
            setDraft((d) => {
              const last = d.phases[d.phases.length - 1];
              const start = last ? new Date(fromLocalInput(last.endsAt)) : new Date();
              return { ...d, phases: [...d.phases, emptyPhase(start, 14)] };
            })
          }
        >
          {t('processes.edit.addPhase')}
        </Button>
        <div className="margin-top-4">
          <Button type="submit" disabled={save.pending}>
            {editing ? t('processes.edit.save') : t('processes.edit.create')}
          </Button>
          <Link className="margin-left-2" to={editing ? `/processes/${slug}` : '/processes'}>
            {t('processes.edit.cancel')}
          </Link>
        </div>
      </Form>
    </>
  );
}
