/**
 * Administrators set up supervision: the body for each department (or the default one) and the
 * higher body cases go to when a deadline is missed, the working days of each stage, how long
 * concluded anonymous reports are kept, the smallest count statistics publish, and the conflicts
 * between departments whose people must stay off each other's cases.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, Form, Table } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { SelectField, TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import type { SupervisionSettingsView } from './types.js';

type Draft = Omit<SupervisionSettingsView, 'bodies' | 'departments' | 'conflicts'>;
const STAGES = ['intake', 'review', 'start', 'investigation', 'reportReview', 'reportConclusion'] as const;

export function SettingsPage() {
  const { t } = useTranslation();
  const { name } = useLocalize();
  usePageTitle(t('supervision.settings.title'));
  const loaded = useLoad(() => api.get<SupervisionSettingsView>('/supervision/settings'), []);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  const [conflict, setConflict] = useState({ departmentA: '', departmentB: '', reason: '' });
  useEffect(() => {
    if (loaded.data) {
      const { bodies: _b, departments: _d, conflicts: _c, ...rest } = loaded.data;
      setDraft(rest);
    }
  }, [loaded.data]);
  const save = useAction(async () => {
    loaded.setData(await api.put<SupervisionSettingsView>('/supervision/settings', draft));
    setSaved(true);
  });
  const addConflict = useAction(async () => {
    loaded.setData(await api.post<SupervisionSettingsView>('/supervision/conflicts', conflict));
    setConflict({ departmentA: '', departmentB: '', reason: '' });
  });
  const removeConflict = useAction(async (a: string, b: string) => {
    loaded.setData(await api.delete<SupervisionSettingsView>(`/supervision/conflicts/${a}/${b}`));
  });
  if (loaded.error) return <ApiErrorAlert error={loaded.error} />;
  if (!loaded.data || !draft) return <Loading />;
  const data = loaded.data;
  const bodyOptions = data.bodies.map((b) => ({ value: b.id, label: name(b) }));
  const routeOf = (departmentId: string) => draft.routes.find((r) => r.departmentId === departmentId);
  const setRoute = (departmentId: string, patch: { bodyId?: string; higherBodyId?: string | null }) => {
    const current = routeOf(departmentId);
    const others = draft.routes.filter((r) => r.departmentId !== departmentId);
    const next = { departmentId, bodyId: patch.bodyId ?? current?.bodyId ?? '', higherBodyId: patch.higherBodyId !== undefined ? patch.higherBodyId : (current?.higherBodyId ?? null) };
    setDraft({ ...draft, routes: next.bodyId ? [...others, next] : others });
  };
  const number = (value: string) => Math.max(0, Number.parseInt(value, 10) || 0);
  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/supervision">{t('supervision.landing.title')}</Link>
        </p>
        <h1>{t('supervision.settings.title')}</h1>
        <p className="civitas-lead">{t('supervision.settings.intro')}</p>
      </div>
      <Form
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          setSaved(false);
          void save.run();
        }}
        noValidate
        className="maxw-tablet-lg"
        aria-label={t('supervision.settings.title')}
      >
        <ApiErrorAlert error={save.error} />
        {saved ? <p role="status" className="text-bold">{t('supervision.settings.saved')}</p> : null}
        <h2>{t('supervision.settings.routing')}</h2>
        <SelectField id="default-body" name="defaultBodyId" label={t('supervision.settings.defaultBody')} hint={t('supervision.settings.defaultBodyHint')} emptyLabel={t('supervision.settings.automatic')} options={bodyOptions} value={draft.defaultBodyId ?? ''} onChange={(v) => setDraft({ ...draft, defaultBodyId: v || null })} error={save.error} />
        <SelectField id="default-higher" name="defaultHigherBodyId" label={t('supervision.settings.defaultHigher')} emptyLabel={t('supervision.settings.none')} options={bodyOptions} value={draft.defaultHigherBodyId ?? ''} onChange={(v) => setDraft({ ...draft, defaultHigherBodyId: v || null })} error={save.error} />
        <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label={t('supervision.settings.perDepartment')}>
          <Table bordered compact className="font-body-xs">
            <caption>{t('supervision.settings.perDepartment')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('supervision.queue.department')}</th>
                <th scope="col">{t('supervision.settings.body')}</th>
                <th scope="col">{t('supervision.settings.higher')}</th>
              </tr>
            </thead>
            <tbody>
              {data.departments.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{name(d)}</th>
                  <td>
                    <select className="usa-select" aria-label={t('supervision.settings.bodyFor', { department: name(d) })} value={routeOf(d.id)?.bodyId ?? ''} onChange={(e) => setRoute(d.id, { bodyId: e.target.value })}>
                      <option value="">{t('supervision.settings.useDefault')}</option>
                      {bodyOptions.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select className="usa-select" aria-label={t('supervision.settings.higherFor', { department: name(d) })} disabled={!routeOf(d.id)} value={routeOf(d.id)?.higherBodyId ?? ''} onChange={(e) => setRoute(d.id, { higherBodyId: e.target.value || null })}>
                      <option value="">{t('supervision.settings.none')}</option>
                      {bodyOptions.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
        <h2>{t('supervision.settings.deadlines')}</h2>
        {STAGES.map((s) => (
          <TextField key={s} id={`deadline-${s}`} name={`deadlines.${s}`} type="number" label={t(`supervision.settings.stage.${s}`)} value={String(draft.deadlines[s])} onChange={(v) => setDraft({ ...draft, deadlines: { ...draft.deadlines, [s]: number(v) } })} error={save.error} />
        ))}
        <h2>{t('supervision.settings.privacy')}</h2>
        <TextField id="retention-days" name="retentionDays" type="number" label={t('supervision.settings.retention')} hint={t('supervision.settings.retentionHint')} value={String(draft.retentionDays)} onChange={(v) => setDraft({ ...draft, retentionDays: number(v) })} error={save.error} />
        <TextField id="min-cell" name="minCellCount" type="number" label={t('supervision.settings.minCell')} hint={t('supervision.settings.minCellHint')} value={String(draft.minCellCount)} onChange={(v) => setDraft({ ...draft, minCellCount: number(v) })} error={save.error} />
        <Button type="submit" disabled={save.pending} className="margin-top-2">
          {t('supervision.settings.save')}
        </Button>
      </Form>
      <h2 className="margin-top-5">{t('supervision.settings.conflicts')}</h2>
      <p>{t('supervision.settings.conflictsIntro')}</p>
      <ApiErrorAlert error={removeConflict.error} />
      {data.conflicts.length === 0 ? <p>{t('supervision.settings.noConflicts')}</p> : null}
      <ul className="usa-list" data-testid="conflicts">
        {data.conflicts.map((c) => (
          <li key={`${c.departmentA.id}-${c.departmentB.id}`}>
            {name(c.departmentA)} ↔ {name(c.departmentB)}: {c.reason}{' '}
            <Button type="button" unstyled onClick={() => void removeConflict.run(c.departmentA.id, c.departmentB.id)}>
              {t('supervision.settings.removeConflict')}
            </Button>
          </li>
        ))}
      </ul>
      <Form
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          void addConflict.run();
        }}
        noValidate
        className="maxw-tablet-lg"
      >
        <ApiErrorAlert error={addConflict.error} />
        <SelectField id="conflict-a" name="departmentA" label={t('supervision.settings.conflictA')} emptyLabel={t('supervision.file.chooseDepartment')} options={data.departments.map((d) => ({ value: d.id, label: name(d) }))} value={conflict.departmentA} onChange={(v) => setConflict({ ...conflict, departmentA: v })} error={addConflict.error} />
        <SelectField id="conflict-b" name="departmentB" label={t('supervision.settings.conflictB')} emptyLabel={t('supervision.file.chooseDepartment')} options={data.departments.map((d) => ({ value: d.id, label: name(d) }))} value={conflict.departmentB} onChange={(v) => setConflict({ ...conflict, departmentB: v })} error={addConflict.error} />
        <TextField id="conflict-reason" name="reason" label={t('supervision.settings.conflictReason')} value={conflict.reason} onChange={(v) => setConflict({ ...conflict, reason: v })} error={addConflict.error} />
        <Button type="submit" disabled={addConflict.pending}>
          {t('supervision.settings.addConflict')}
        </Button>
      </Form>
    </>
  );
}
