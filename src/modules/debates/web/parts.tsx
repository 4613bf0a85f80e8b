/** Small pieces the debates pages share: the status tag, who started a debate, the comment counts. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Tag } from '@trussworks/react-uswds';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import type { Debate } from './types.js';

export function DebateStatusTag({ debate }: { debate: Pick<Debate, 'status' | 'hidden'> }) {
  const { t } = useTranslation();
  return (
    <span className="civitas-tags">
      <Tag className={`civitas-tag ${debate.status === 'open' ? 'bg-primary' : 'bg-base-dark'}`} data-testid="debate-status">
        {t(`debates.status.${debate.status}`)}
      </Tag>
      {debate.hidden ? <Tag className="civitas-tag bg-error-dark">{t('debates.hidden')}</Tag> : null}
    </span>
  );
}

/** "Started by Ana", "… for the Riverside Residents' Association" (linked), or "… by Director, Parks Department". */
export function DebateAuthor({ author }: { author: Debate['author'] }) {
  const { t } = useTranslation();
  const { name, title } = useLocalize();
  if (author.post) return <>{t('debates.byPost', { post: title(author.post), department: name(author.post.department) })}</>;
  if (!author.organization) return <>{t('debates.by', { name: author.displayName })}</>;
  const organization = author.organization;
  const [before, after] = t('debates.byFor', { name: author.displayName, organization: '\u0000' }).split('\u0000');
  return (
    <>
      {before}
      <Link to={`/organizations/${organization.slug}`}>{name(organization)}</Link>
      {after}
    </>
  );
}

/** "5 comments · 3 in favour · 1 against · 1 neutral". */
export function CommentCounts({ comments }: { comments: Debate['comments'] }) {
  const { t } = useTranslation();
  return (
    <span>
      {t('debates.comments', { count: comments.total })}
      {comments.total > 0 ? <> · {t('debates.stanceSummary', comments)}</> : null}
    </span>
  );
}
