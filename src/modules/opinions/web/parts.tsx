/**
 * Small pieces the opinion pages share: the server's refusal with the link that helps, where
 * participation stands, shares as percentages, and the localized text of a statement.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import type { ConversationSummary, ProcessRef } from './types.js';

/** Why the caller cannot do something now, with a sign-in or verification link where that helps. */
export function Refusal({ refusal, id }: { refusal: { code: string; message: string } | null; id?: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (!refusal) return null;
  return (
    <p id={id} className="margin-y-1" data-testid="refusal">
      {refusal.message}{' '}
      {refusal.code === 'not_authenticated' ? (
        <Link to="/signin" state={{ from: `${location.pathname}${location.search}` }}>
          {t('header.signIn')}
        </Link>
      ) : refusal.code === 'requires_verification' ? (
        <Link to="/verify">{t('verify.title')}</Link>
      ) : null}
    </p>
  );
}

/** "Voting is open until 12 May" / "Voting opens on 3 May" / "Voting has closed". */
export function VotingText({ process }: { process: ProcessRef }) {
  const { t } = useTranslation();
  const { dateTime } = useLocalize();
  if (process.voteOpenUntil) return <>{t('opinions.voting.openUntil', { date: dateTime(process.voteOpenUntil) })}</>;
  if (process.voteOpensAt) return <>{t('opinions.voting.opensAt', { date: dateTime(process.voteOpensAt) })}</>;
  return <>{t('opinions.voting.closed')}</>;
}

/** Who takes part and how statements are moderated, in one line. */
export function SettingsText({ conversation }: { conversation: ConversationSummary }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`opinions.participation.${conversation.participation}`)} · {conversation.residentsWrite ? t(`opinions.moderation.${conversation.moderation}`) : t('opinions.moderation.staffOnly')}
    </>
  );
}

/** A share as a whole percentage in the page's language. */
export function usePercent() {
  const { language } = useLocalize();
  return useCallback((share: number) => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(Number.isFinite(share) ? share : 0), [language]);
}

/** The statement's text in the page's language (the Chinese translation of a seed statement when there is one). */
export function useStatementText() {
  const { pick } = useLocalize();
  return useCallback((s: { body: string; bodyZh: string | null } | undefined) => (s ? pick(s.body, s.bodyZh) : ''), [pick]);
}

/** The language of a text participants wrote, for screen readers: Chinese when it has Chinese characters. */
export function langOf(text: string): 'zh-CN' | undefined {
  return /\p{Script=Han}/u.test(text) ? 'zh-CN' : undefined;
}

/** A horizontal bar (the number beside it is the text alternative). */
export function ShareBar({ share, tone }: { share: number; tone?: 'agree' | 'disagree' }) {
  return (
    <span className="civitas-bar" aria-hidden="true">
      <span
        className={`civitas-bar__fill${tone === 'agree' ? ' civitas-bar__fill--accepted' : tone === 'disagree' ? ' civitas-bar__fill--rejected' : ''}`}
        style={{ width: `${Math.round(Math.max(0, Math.min(1, share)) * 100)}%` }}
      />
    </span>
  );
}
