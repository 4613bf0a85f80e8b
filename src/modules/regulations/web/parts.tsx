/** Small pieces the regulation pages share: consultation windows, the diff view, the signing post. */
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import type { Consultation, DiffPart, PostRef } from './types.js';

/** What of the consultation is open now, and until when. */
export function ConsultationWindows({ consultation }: { consultation: Consultation }) {
  const { t } = useTranslation();
  const { dateTime } = useLocalize();
  const open = (['comment', 'support', 'amend'] as const).filter((a) => consultation[a].open && consultation[a].until);
  if (open.length === 0) return <p>{t('regulations.consultation.closed')}</p>;
  return (
    <ul className="usa-list">
      {open.map((a) => (
        <li key={a}>{t(`regulations.consultation.${a}`, { date: dateTime(consultation[a].until!) })}</li>
      ))}
    </ul>
  );
}

/** "Director, Urban Management Bureau" in the page's language. */
export function usePostName() {
  const { title, name } = useLocalize();
  return (post: PostRef | null) => (post ? { post: title(post), department: name(post.department) } : { post: '', department: '' });
}

/**
 * A text with its changes marked: insertions underlined (<ins>), deletions struck (<del>), each
 * also named for screen readers, which do not announce those elements.
 */
export function DiffView({ parts, lang }: { parts: DiffPart[]; lang?: string }) {
  const { t } = useTranslation();
  return (
    <p className="civitas-prewrap" lang={lang} data-testid="diff">
      {parts.map((part, i) =>
        part.op === 'equal' ? (
          <span key={i}>{part.text}</span>
        ) : part.op === 'insert' ? (
          <ins key={i} className="bg-success-lighter text-ink">
            <span className="usa-sr-only">[{t('regulations.compare.inserted')}] </span>
            {part.text}
          </ins>
        ) : (
          <del key={i} className="bg-error-lighter text-ink">
            <span className="usa-sr-only">[{t('regulations.compare.deleted')}] </span>
            {part.text}
          </del>
        ),
      )}
    </p>
  );
}
