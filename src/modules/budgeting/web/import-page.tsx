/**
 * Importing a Pabulib (.pb) file into a process (administrators and the department's officials): a
 * past election replayed, or an exercise. The file is read in the browser and sent as text; the
 * server creates the budget with its projects and ballots and says what it found.
 */
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { Field, TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { SignInRequired } from '../../../../web/src/ui/sign-in-required.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { budgetsUrl, budgetUrl, type BudgetList, type ImportResult } from './types.js';

export function ImportPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { session } = useSession();
  const { title, number } = useLocalize();
  const list = useLoad(() => api.get<BudgetList>(`/processes/${encodeURIComponent(slug)}/budgets`), [slug, session?.user?.id], session !== null);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [name, setName] = useState('');
  const [done, setDone] = useState<ImportResult | null>(null);
  usePageTitle(t('budgeting.import.title'));
  const upload = useAction(async () => {
    if (!file) return;
    const result = await api.postText<ImportResult>(`/processes/${slug}/budgets/import`, file.text, 'text/plain; charset=utf-8', { title: name.trim() || undefined });
    setDone(result);
  });

  if (session && !session.user) return <SignInRequired />;
  if (list.error) return <ApiErrorAlert error={list.error} />;
  if (!list.data) return <Loading />;
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setDone(null);
    setFile(chosen ? { name: chosen.name, text: await chosen.text() } : null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void upload.run();
  };
  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={budgetsUrl(slug)}>{title(list.data.process)}</Link>
        </p>
        <h1>{t('budgeting.import.title')}</h1>
      </div>
      {!list.data.abilities.import ? (
        <p>{t('budgeting.import.notAllowed')}</p>
      ) : (
        <Form onSubmit={submit} className="maxw-tablet-lg" aria-label={t('budgeting.import.title')}>
          <p>{t('budgeting.import.intro')}</p>
          <ApiErrorAlert error={upload.error} />
          <Field id="import-file" label={t('budgeting.import.file')} hint={t('budgeting.import.fileHint')}>
            {(control) => <input {...control} className="usa-file-input" type="file" accept=".pb,text/plain" onChange={(e) => void choose(e)} />}
          </Field>
          <TextField id="import-title" name="title" label={t('budgeting.import.name')} hint={t('budgeting.import.nameHint')} optional maxLength={200} value={name} onChange={setName} error={upload.error} />
          <Button type="submit" disabled={!file || upload.pending}>
            {t('budgeting.import.submit')}
          </Button>
        </Form>
      )}
      {done ? (
        <Alert type="success" headingLevel="h2" heading={t('budgeting.import.done')} data-testid="import-done">
          <p>{t('budgeting.import.counts', { projects: number(done.projects), ballots: number(done.ballots) })}</p>
          {done.warnings.length > 0 ? (
            <>
              <p>{t('budgeting.import.warnings')}</p>
              <ul>
                {done.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </>
          ) : null}
          <p>
            <Link to={budgetUrl(slug, done.id)}>{t('budgeting.import.open')}</Link>
          </p>
        </Alert>
      ) : null}
    </>
  );
}
