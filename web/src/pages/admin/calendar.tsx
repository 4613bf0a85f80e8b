/**
 * The working-day calendar every deadline is computed from: the installation's time zone, public
 * holidays on weekdays, and weekend days that are working days (make-up days). Saved as a whole.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { api } from '../../api.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { SelectField, TextField } from '../../ui/field.js';
import { Loading } from '../../ui/loading.js';
import { useLocalize } from '../../ui/localize.js';
import { useAction } from '../../ui/use-action.js';
import { useLoad } from '../../ui/use-load.js';

interface CalendarDay {
  date: string;
  kind: 'holiday' | 'working_day';
  name: string;
  nameZh: string | null;
}

interface Calendar {
  timeZone: string;
  days: CalendarDay[];
}

const emptyDay = { date: '', kind: 'holiday' as const, name: '', nameZh: '' };

export function AdminCalendar() {
  const { t } = useTranslation();
  const { date, pick } = useLocalize();
  const loaded = useLoad(() => api.get<Calendar>('/calendar'), []);
  const [timeZone, setTimeZone] = useState('');
  const [days, setDays] = useState<CalendarDay[]>([]);
  const [draft, setDraft] = useState<{ date: string; kind: 'holiday' | 'working_day'; name: string; nameZh: string }>(emptyDay);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!loaded.data) return;
    setTimeZone(loaded.data.timeZone);
    setDays(loaded.data.days);
  }, [loaded.data]);

  const save = useAction(async (next: CalendarDay[]) => {
    const result = await api.put<Calendar>('/calendar', { timeZone, days: next.map((d) => ({ ...d, nameZh: d.nameZh || null })) });
    setDays(result.days);
    setTimeZone(result.timeZone);
    setSaved(true);
  });

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const next = [...days.filter((d) => d.date !== draft.date), { ...draft, nameZh: draft.nameZh || null }].sort((a, b) => a.date.localeCompare(b.date));
    void save.run(next).then((ok) => {
      if (ok) setDraft(emptyDay);
    });
  };

  if (!loaded.data) return loaded.error ? <ApiErrorAlert error={loaded.error} /> : <Loading />;
  return (
    <section aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">{t('admin.calendar.title')}</h2>
      <p>{t('admin.calendar.intro')}</p>
      <ApiErrorAlert error={save.error} />
      {saved && !save.error ? (
        <Alert type="success" headingLevel="h3" slim role="status">
          {t('admin.calendar.saved')}
        </Alert>
      ) : null}
      <Form
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          setSaved(false);
          void save.run(days);
        }}
        aria-label={t('admin.calendar.timeZoneForm')}
      >
        <TextField id="calendar-time-zone" name="timeZone" label={t('admin.calendar.timeZone')} hint={t('admin.calendar.timeZoneHint')} value={timeZone} onChange={setTimeZone} error={save.error} />
        <Button type="submit" disabled={save.pending}>
          {t('admin.calendar.saveTimeZone')}
        </Button>
      </Form>

      <h3>{t('admin.calendar.days')}</h3>
      {days.length === 0 ? <p>{t('admin.calendar.noDays')}</p> : null}
      {days.length > 0 ? (
        <table className="usa-table usa-table--borderless usa-table--stacked">
          <caption className="usa-sr-only">{t('admin.calendar.days')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.calendar.date')}</th>
              <th scope="col">{t('admin.calendar.kind')}</th>
              <th scope="col">{t('admin.calendar.name')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.date} data-testid={`calendar-day-${d.date}`}>
                <th scope="row" data-label={t('admin.calendar.date')}>
                  {date(`${d.date}T12:00:00Z`)}
                </th>
                <td data-label={t('admin.calendar.kind')}>{t(`admin.calendar.kinds.${d.kind}`)}</td>
                <td data-label={t('admin.calendar.name')}>{pick(d.name, d.nameZh)}</td>
                <td data-label={t('common.actions')}>
                  <Button
                    type="button"
                    unstyled
                    disabled={save.pending}
                    onClick={() => {
                      setSaved(false);
                      void save.run(days.filter((x) => x.date !== d.date));
                    }}
                  >
                    {t('admin.calendar.remove', { date: d.date })}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <h3>{t('admin.calendar.add')}</h3>
      <Form onSubmit={add} aria-label={t('admin.calendar.add')}>
        <TextField id="calendar-date" name="date" type="date" label={t('admin.calendar.date')} value={draft.date} onChange={(v) => setDraft((d) => ({ ...d, date: v }))} error={save.error} errorPath="days" />
        <SelectField
          id="calendar-kind"
          name="kind"
          label={t('admin.calendar.kind')}
          value={draft.kind}
          onChange={(v) => setDraft((d) => ({ ...d, kind: v === 'working_day' ? 'working_day' : 'holiday' }))}
          options={[
            { value: 'holiday', label: t('admin.calendar.kinds.holiday') },
            { value: 'working_day', label: t('admin.calendar.kinds.working_day') },
          ]}
        />
        <TextField id="calendar-name" name="name" label={t('admin.calendar.name')} value={draft.name} onChange={(v) => setDraft((d) => ({ ...d, name: v }))} />
        <TextField id="calendar-name-zh" name="nameZh" label={t('admin.calendar.nameZh')} optional value={draft.nameZh} onChange={(v) => setDraft((d) => ({ ...d, nameZh: v }))} />
        <Button type="submit" disabled={save.pending || !draft.date || !draft.name.trim()}>
          {t('admin.calendar.addSubmit')}
        </Button>
      </Form>
    </section>
  );
}
