/**
 * The comments of any resource, for every module's pages: `<CommentThread resourceType resourceId
 * anchor? stance? />`. Shows how many comments are in favour, against and neutral (counts and
 * bars), the thread with replies, votes, and what each person may do (reply, edit within the edit
 * window, delete, report) as the server's `abilities` say, a sort selector, and the form to comment.
 * Hidden and deleted comments keep their place with a placeholder so replies stay readable.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Alert, Button, Tag } from '@trussworks/react-uswds';
import { api } from '../../api.js';
import { useSession } from '../../app/session.js';
import { ApiErrorAlert } from '../api-error-alert.js';
import { SelectField } from '../field.js';
import { Loading } from '../loading.js';
import { useLocalize } from '../localize.js';
import { useAction } from '../use-action.js';
import { useDraft } from '../use-draft.js';
import { useLoad } from '../use-load.js';
import { CommentForm, commentPayload, emptyCommentForm, type CommentFormValues } from './comment-form.js';
import { ReportButton } from './report-button.js';
import { commentOrders, type CommentOrder, type CommentSummary, type CommentThreadData, type Stance, type ThreadComment, type VoteResult } from './types.js';

export interface CommentThreadProps {
  resourceType: string;
  resourceId: string;
  /** Only the comments on this part of the resource (a clause id); new comments are anchored to it. */
  anchor?: string;
  /** Whether comments here take a stance. The server's answer decides; this shapes the first render only. */
  stance?: boolean;
  /** The section's heading level (default 2). */
  headingLevel?: 2 | 3 | 4;
  /** The section's heading (default "Comments"). */
  title?: string;
}

const PAGE = 50;
const stanceTagClass: Record<Stance, string> = { in_favour: 'civitas-tag civitas-tag--verified', against: 'civitas-tag civitas-tag--rejected', neutral: 'civitas-tag' };

export function CommentThread({ resourceType, resourceId, anchor, stance, headingLevel = 2, title }: CommentThreadProps) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const { dateTime } = useLocalize();
  const location = useLocation();
  const headingId = useId();
  const [order, setOrder] = useState<CommentOrder>('oldest');
  const [limit, setLimit] = useState(PAGE);
  const [posted, setPosted] = useState(false);
  const userId = session?.user?.id ?? null;
  const thread = useLoad(
    () => api.get<CommentThreadData>('/comments', { resourceType, resourceId, anchor, order, limit }),
    [resourceType, resourceId, anchor, order, limit, userId, i18n.language],
    session !== null,
  );
  const data = thread.data;
  const takesStance = data ? data.resource.commenting.stance : Boolean(stance);

  const [draft, setDraft, clearDraft] = useDraft<CommentFormValues>(`comment:${resourceType}:${resourceId}:${anchor ?? ''}`, emptyCommentForm);
  const create = useAction(async () => {
    await api.post('/comments', { resourceType, resourceId, anchor: anchor ?? null, ...commentPayload(draft, true) });
    clearDraft();
    setPosted(true);
    thread.reload();
  });

  const tree = useMemo(() => {
    const children = new Map<string | null, ThreadComment[]>();
    for (const comment of data?.comments ?? []) {
      const siblings = children.get(comment.parentId);
      if (siblings) siblings.push(comment);
      else children.set(comment.parentId, [comment]);
    }
    return children;
  }, [data]);

  const Heading = `h${headingLevel}` as 'h2';
  const SubHeading = `h${Math.min(headingLevel + 1, 6)}` as 'h3';
  const shownThreads = tree.get(null)?.length ?? 0;
  const updateComment = (id: string, patch: Partial<ThreadComment>) => {
    if (!data) return;
    thread.setData({ ...data, comments: data.comments.map((c) => (c.id === id ? { ...c, ...patch } : c)) });
  };

  return (
    <section aria-labelledby={headingId} className="margin-y-4" data-testid="comment-thread">
      <Heading id={headingId}>{title ?? t('comments.title')}</Heading>
      {data ? <Summary summary={data.summary} stance={takesStance} /> : null}
      {thread.loading && !data ? <Loading /> : null}
      <ApiErrorAlert error={thread.error} focus={false} />

      {data ? (
        <>
          <div className="margin-y-2">
            {data.abilities.comment ? (
              <>
                <SubHeading className="margin-bottom-0">{t('comments.form.newTitle')}</SubHeading>
                {posted ? (
                  <p role="status" className="text-green">
                    {t('comments.posted')}
                  </p>
                ) : null}
                <CommentForm
                  values={draft}
                  onChange={(values) => {
                    setPosted(false);
                    setDraft(values);
                  }}
                  onSubmit={() => void create.run()}
                  pending={create.pending}
                  error={create.error}
                  stanceMode={takesStance ? 'required' : 'none'}
                  speakAs={data.speakAs}
                  label={t('comments.form.body')}
                  hint={data.resource.commenting.until ? t('comments.openUntil', { date: dateTime(data.resource.commenting.until) }) : undefined}
                  submitLabel={t('comments.form.submit')}
                />
              </>
            ) : data.abilities.reason === 'not_authenticated' ? (
              <p data-testid="comments-sign-in">
                <Link to="/signin" state={{ from: `${location.pathname}${location.search}` }}>
                  {t('comments.signIn')}
                </Link>
              </p>
            ) : data.abilities.reason === 'commenting_closed' ? (
              <Alert type="info" headingLevel="h4" slim>
                {t('comments.closed')}
              </Alert>
            ) : data.abilities.reason === 'account_blocked' ? (
              <Alert type="warning" headingLevel="h4" slim>
                {t('comments.blocked')}
              </Alert>
            ) : null}
          </div>

          {data.summary.total > 0 || data.comments.length > 0 ? (
            <div className="grid-row flex-align-end margin-y-1">
              <SelectField
                id={`${headingId}-order`}
                name="order"
                label={t('comments.sort.label')}
                className="margin-top-0"
                options={commentOrders.map((value) => ({ value, label: t(`comments.sort.${value}`) }))}
                value={order}
                onChange={(value) => {
                  setOrder(value as CommentOrder);
                  setLimit(PAGE);
                }}
              />
            </div>
          ) : null}

          {data.comments.length === 0 ? <p className="text-base">{t('comments.empty')}</p> : null}
          <CommentList
            parentId={null}
            tree={tree}
            data={data}
            onChanged={thread.reload}
            onUpdate={updateComment}
            level={headingLevel}
          />
          {data.totalThreads > shownThreads ? (
            <Button type="button" outline onClick={() => setLimit(limit + PAGE)} disabled={thread.loading}>
              {t('comments.more', { count: data.totalThreads - shownThreads })}
            </Button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** Total and per-stance counts, with bars as a picture and the numbers as text. */
function Summary({ summary, stance }: { summary: CommentSummary; stance: boolean }) {
  const { t } = useTranslation();
  const { number } = useLocalize();
  const rows: [Stance, number][] = [
    ['in_favour', summary.inFavour],
    ['against', summary.against],
    ['neutral', summary.neutral],
  ];
  return (
    <div data-testid="comment-summary">
      <p className="margin-y-1">{t('comments.summary.total', { count: summary.total, formatted: number(summary.total) })}</p>
      {stance && summary.total > 0 ? (
        <dl className="civitas-facts margin-y-1">
          {rows.map(([key, value]) => (
            <div key={key}>
              <dt>{t(`comments.stance.${key}`)}</dt>
              <dd>
                <progress max={Math.max(summary.total, 1)} value={value} aria-hidden="true" className="margin-right-1" />
                {number(value)}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}

interface ListProps {
  parentId: string | null;
  tree: Map<string | null, ThreadComment[]>;
  data: CommentThreadData;
  onChanged: () => void;
  onUpdate: (id: string, patch: Partial<ThreadComment>) => void;
  level: number;
}

function CommentList({ parentId, tree, ...rest }: ListProps) {
  const items = tree.get(parentId) ?? [];
  if (items.length === 0) return null;
  return (
    <ol className={`usa-list usa-list--unstyled ${parentId ? 'margin-left-2 tablet:margin-left-4 border-left-05 border-base-lighter padding-left-2' : ''}`}>
      {items.map((comment) => (
        <li key={comment.id} className="margin-y-2">
          <CommentItem comment={comment} {...rest} />
          <CommentList parentId={comment.id} tree={tree} {...rest} />
        </li>
      ))}
    </ol>
  );
}

function authorLine(comment: ThreadComment, pick: (en: string, zh: string | null | undefined) => string) {
  const author = comment.author;
  if (!author) return null;
  if (author.organization) {
    return (
      <>
        <strong>{author.displayName}</strong>
        {' · '}
        <Link to={`/organizations/${author.organization.slug}`}>{pick(author.organization.name, author.organization.nameZh)}</Link>
      </>
    );
  }
  if (author.post) {
    return (
      <>
        <strong>{author.displayName}</strong>
        {' · '}
        {pick(author.post.title, author.post.titleZh)},{' '}
        <Link to={`/organizations/${author.post.department.slug}`}>{pick(author.post.department.name, author.post.department.nameZh)}</Link>
      </>
    );
  }
  return <strong>{author.displayName}</strong>;
}

function CommentItem({ comment, data, onChanged, onUpdate }: { comment: ThreadComment } & Omit<ListProps, 'parentId' | 'tree'>) {
  const { t } = useTranslation();
  const { pick, dateTime, number } = useLocalize();
  const headerId = useId();
  const [mode, setMode] = useState<'read' | 'reply' | 'edit' | 'confirmDelete'>('read');
  const [reply, setReply] = useState<CommentFormValues>(emptyCommentForm);
  const [edit, setEdit] = useState<CommentFormValues>({ body: comment.body ?? '', stance: comment.stance ?? '', speakAs: '' });
  const takesStance = data.resource.commenting.stance;

  const sendReply = useAction(async () => {
    await api.post('/comments', { resourceType: data.resource.type, resourceId: data.resource.id, parentId: comment.id, ...commentPayload(reply, true) });
    setReply(emptyCommentForm);
    setMode('read');
    onChanged();
  });
  const sendEdit = useAction(async () => {
    await api.patch(`/comments/${comment.id}`, { body: edit.body, ...(takesStance ? { stance: edit.stance || null } : {}) });
    setMode('read');
    onChanged();
  });
  const remove = useAction(async () => {
    await api.delete(`/comments/${comment.id}`);
    setMode('read');
    onChanged();
  });
  const vote = useAction(async (value: -1 | 0 | 1) => {
    const result = await api.put<VoteResult>(`/comments/${comment.id}/vote`, { value });
    onUpdate(comment.id, result);
  });

  if (comment.state === 'deleted') {
    return (
      <p id={`comment-${comment.id}`} className="text-base text-italic margin-0" data-testid="comment-deleted">
        {t('comments.deleted')}
      </p>
    );
  }
  const hidden = comment.state === 'hidden';
  if (hidden && comment.body === null) {
    return (
      <p id={`comment-${comment.id}`} className="text-base text-italic margin-0" data-testid="comment-hidden">
        {t('comments.hidden')}
      </p>
    );
  }

  const who = comment.author?.displayName ?? '';
  return (
    <article id={`comment-${comment.id}`} aria-labelledby={headerId} className="civitas-comment" data-testid="comment">
      <header id={headerId} className="margin-bottom-05">
        {authorLine(comment, pick)}
        {' · '}
        <time dateTime={comment.createdAt} className="text-base">
          {dateTime(comment.createdAt)}
        </time>
        {comment.editedAt ? <span className="text-base"> {t('comments.edited')}</span> : null}
        {comment.stance ? (
          <>
            {' '}
            <Tag className={stanceTagClass[comment.stance]}>{t(`comments.stance.${comment.stance}`)}</Tag>
          </>
        ) : null}
      </header>
      {hidden ? (
        <Alert type="warning" headingLevel="h4" slim className="margin-y-1">
          {t('comments.hiddenVisibleToYou')}
        </Alert>
      ) : null}
      {mode === 'edit' ? (
        <CommentForm
          values={edit}
          onChange={setEdit}
          onSubmit={() => void sendEdit.run()}
          onCancel={() => setMode('read')}
          pending={sendEdit.pending}
          error={sendEdit.error}
          stanceMode={takesStance ? (comment.depth === 0 ? 'required' : 'optional') : 'none'}
          label={t('comments.form.editBody')}
          hint={comment.editableUntil ? t('comments.editableUntil', { time: dateTime(comment.editableUntil) }) : undefined}
          submitLabel={t('comments.form.save')}
        />
      ) : (
        <p className="civitas-prewrap margin-y-1">{comment.body}</p>
      )}

      <div className="display-flex flex-wrap flex-align-center" role="group" aria-label={t('comments.actionsFor', { name: who })}>
        {comment.abilities.vote ? (
          <>
            <Button
              type="button"
              unstyled
              className="margin-right-2"
              aria-pressed={comment.myVote === 1}
              disabled={vote.pending}
              onClick={() => void vote.run(comment.myVote === 1 ? 0 : 1)}
            >
              <span aria-hidden="true">▲ </span>
              <span className="usa-sr-only">{t('comments.voteUp')} </span>
              {number(comment.upvotes)}
            </Button>
            <Button
              type="button"
              unstyled
              className="margin-right-2"
              aria-pressed={comment.myVote === -1}
              disabled={vote.pending}
              onClick={() => void vote.run(comment.myVote === -1 ? 0 : -1)}
            >
              <span aria-hidden="true">▼ </span>
              <span className="usa-sr-only">{t('comments.voteDown')} </span>
              {number(comment.downvotes)}
            </Button>
          </>
        ) : (
          <span className="margin-right-2 text-base">{t('comments.votes', { up: number(comment.upvotes), down: number(comment.downvotes) })}</span>
        )}
        {comment.abilities.reply && mode !== 'reply' ? (
          <Button type="button" unstyled className="margin-right-2" onClick={() => setMode('reply')} aria-label={t('comments.replyTo', { name: who })}>
            {t('comments.reply')}
          </Button>
        ) : null}
        {comment.abilities.edit && mode !== 'edit' ? (
          <Button
            type="button"
            unstyled
            className="margin-right-2"
            onClick={() => {
              setEdit({ body: comment.body ?? '', stance: comment.stance ?? '', speakAs: '' });
              setMode('edit');
            }}
          >
            {t('comments.edit')}
          </Button>
        ) : null}
        {comment.abilities.delete && mode !== 'confirmDelete' ? (
          <Button type="button" unstyled className="margin-right-2" onClick={() => setMode('confirmDelete')}>
            {t('comments.delete')}
          </Button>
        ) : null}
        {comment.abilities.report ? <ReportButton resourceType="comment" resourceId={comment.id} subject={t('comments.commentBy', { name: who })} className="margin-right-2" /> : null}
      </div>
      <ApiErrorAlert error={vote.error} />

      {mode === 'confirmDelete' ? (
        <div className="margin-y-1" role="group" aria-label={t('comments.confirmDelete')}>
          <p className="margin-y-05">{t('comments.confirmDelete')}</p>
          <Button type="button" secondary disabled={remove.pending} onClick={() => void remove.run()}>
            {t('comments.deleteConfirm')}
          </Button>
          <Button type="button" outline onClick={() => setMode('read')}>
            {t('comments.form.cancel')}
          </Button>
          <ApiErrorAlert error={remove.error} />
        </div>
      ) : null}
      {mode === 'reply' ? (
        <CommentForm
          values={reply}
          onChange={setReply}
          onSubmit={() => void sendReply.run()}
          onCancel={() => setMode('read')}
          pending={sendReply.pending}
          error={sendReply.error}
          stanceMode={takesStance ? 'optional' : 'none'}
          speakAs={data.speakAs}
          label={t('comments.form.replyBody', { name: who })}
          submitLabel={t('comments.form.submitReply')}
        />
      ) : null}
    </article>
  );
}
