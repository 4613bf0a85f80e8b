/**
 * Importing a Polis openData export into a process (the department's officials, administrators):
 * the files of a conversation folder are read in the browser and sent as text in one request; the
 * server creates the conversation with its statements, participants (numbers only) and votes, and
 * computes its map.
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
import { conversationsUrl, conversationUrl, type ConversationList, type ImportResult } from './types.js';

type FileKey = 'comments' | 'votes' | 'participantsVotes';
const FILES: { key: FileKey; name: string }[] = [
  { key: 'comments', name: 'comments.csv' },
  { key: 'votes', name: 'votes.csv' },
  { key: 'participantsVotes', name: 'participants-votes.csv' },
];

export function ImportPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { session } = useSession();
  const { title, number } = useLocalize();
  const list = useLoad(() => api.get<ConversationList>(`/processes/${encodeURIComponent(slug)}/conversations`), [slug, session?.user?.id], session !== null);
  const [files, setFiles] = useState<Partial<Record<FileKey, string>>>({});
  const [topic, setTopic] = useState('');
  const [topicZh, setTopicZh] = useState('');
  const [done, setDone] = useState<ImportResult | null>(null);
  usePageTitle(t('opinions.import.title'));
  const upload = useAction(async () => {
    const result = await api.post<ImportResult>(`/processes/${encodeURIComponent(slug)}/conversations/import`, { topic, topicZh: topicZh.trim() || null, files });
    setDone(result);
  });

  if (session && !session.user) return <SignInRequired />;
  if (list.error) return <ApiErrorAlert error={list.error} />;
  if (!list.data) return <Loading />;
  const choose = (key: FileKey) => async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setDone(null);
    const text = chosen ? await chosen.text() : undefined;
    setFiles((f) => {
      const next = { ...f };
      if (text === undefined) delete next[key];
      else next[key] = text;
      return next;
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void upload.run();
  };
  const ready = files.comments !== undefined && (files.votes !== undefined || files.participantsVotes !== undefined) && topic.trim().length >= 3;
  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={conversationsUrl(slug)}>{title(list.data.process)}</Link>
        </p>
        <h1>{t('opinions.import.title')}</h1>
      </div>
      {!list.data.abilities.import ? (
        <p>{t('opinions.import.notAllowed')}</p>
      ) : (
        <Form onSubmit={submit} className="maxw-tablet-lg" aria-label={t('opinions.import.title')}>
          <p>{t('opinions.import.intro')}</p>
          <ApiErrorAlert error={upload.error} />
          <TextField id="import-topic" name="topic" label={t('opinions.form.topic')} maxLength={200} value={topic} onChange={setTopic} error={upload.error} />
          <TextField id="import-topic-zh" name="topicZh" label={t('opinions.form.topicZh')} optional maxLength={200} value={topicZh} onChange={setTopicZh} error={upload.error} />
          {FILES.map(({ key, name }) => (
            <Field key={key} id={`import-${key}`} label={name} hint={t(`opinions.import.hint.${key}`)} optional={key !== 'comments'}>
              {(control) => <input {...control} className="usa-file-input civitas-file-input" type="file" accept=".csv,text/csv" onChange={(e) => void choose(key)(e)} />}
            </Field>
          ))}
          <Button type="submit" className="margin-top-2" disabled={!ready || upload.pending}>
            {t('opinions.import.submit')}
          </Button>
        </Form>
      )}
      {done ? (
        <Alert type="success" headingLevel="h2" heading={t('opinions.import.done')} data-testid="import-done">
          <p>{t('opinions.import.counts', { statements: number(done.statements), participants: number(done.participants), votes: number(done.votes) })}</p>
          {done.warnings.length > 0 ? (
            <ul>
              {done.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : null}
          <p>
            <Link to={conversationUrl(slug, done.id)}>{t('opinions.import.open')}</Link>
          </p>
        </Alert>
      ) : null}
    </>
  );
}
