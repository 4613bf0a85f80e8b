/**
 * The opinion map and what it says: a plain-language summary, the map (an SVG with a legend, and a
 * table alternative), each group with the statements that set it apart, what most people agree on,
 * what all groups agree on, and every statement's votes. It follows the conversation's event stream,
 * so a new map replaces the old one without a reload, and a polite live region says so.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from '../../../../web/src/ui/use-live.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { MapLegend, OpinionMap, groupShape } from './opinion-map.js';
import { ShareBar, usePercent, useStatementText } from './parts.js';
import type { MapStatement, MathView, Me } from './types.js';

/** The caller's place on a newer map, found by their own number (the server told only them). */
function placeOf(math: MathView | null, me: Me | null): Me | null {
  if (!me || !math) return me;
  const point = math.points.find((p) => p.pid === me.pid);
  if (!point) return math.points.some((p) => p.pid !== null) ? { ...me, position: null, group: null } : me;
  return { ...me, position: [point.x, point.y], group: point.group };
}

const share = (n: number, of: number) => (of > 0 ? n / of : 0);

/** A statement to quote inside a sentence: without its own final full stop ("… everywhere.” ." reads badly). */
function quoted(text: string): string {
  return text.replace(/[.。]\s*$/u, '');
}

export function ResultsSection({ conversationId, initialMath, initialMe }: { conversationId: string; initialMath: MathView | null; initialMe: Me | null }) {
  const { t } = useTranslation();
  const { number, dateTime } = useLocalize();
  const percent = usePercent();
  const text = useStatementText();
  const [math, setMath] = useState<MathView | null>(initialMath);
  const current = useRef<MathView | null>(initialMath);
  const [note, setNote] = useState('');
  const [showStatements, setShowStatements] = useState(false);
  useEffect(() => {
    current.current = initialMath;
    setMath(initialMath);
  }, [initialMath]);
  useLive(`/conversations/${encodeURIComponent(conversationId)}/events`, {
    math: (data) => {
      const next = data as MathView | null;
      const before = current.current;
      if (!next || (before && before.tick >= next.tick)) return;
      current.current = next;
      setMath(next);
      if (before) setNote(t('opinions.results.updated', { time: dateTime(next.computedAt) }));
    },
  });
  const me = placeOf(math, initialMe);
  const byNumber = useMemo(() => new Map((math?.statements ?? []).map((s) => [s.number, s])), [math]);
  const statementText = (n: number) => text(byNumber.get(n));
  const quote = (n: number) => quoted(statementText(n));

  return (
    <section aria-labelledby="results-heading" className="margin-y-4" data-testid="opinion-results">
      <h2 id="results-heading">{t('opinions.results.heading')}</h2>
      <p className="margin-y-1 text-base-dark font-ui-2xs" aria-live="polite" data-testid="map-updated">
        {note}
      </p>
      {!math ? (
        <p data-testid="results-empty">{t('opinions.results.none')}</p>
      ) : (
        <>
          <Summary math={math} me={me} statementText={statementText} />
          <figure className="margin-x-0 margin-y-2 maxw-tablet">
            <OpinionMap math={math} me={me} showStatements={showStatements} statementText={statementText} />
            <figcaption className="margin-top-1">
              <MapLegend math={math} me={me} />
              <span className="text-base font-ui-3xs">{t('opinions.map.caption', { date: dateTime(math.computedAt) })}</span>
            </figcaption>
          </figure>
          <div className="usa-checkbox margin-bottom-2">
            <input className="usa-checkbox__input" id={`show-statements-${conversationId}`} type="checkbox" checked={showStatements} onChange={(e) => setShowStatements(e.target.checked)} />
            <label className="usa-checkbox__label" htmlFor={`show-statements-${conversationId}`}>
              {t('opinions.map.showStatements')}
            </label>
          </div>
          <details className="civitas-details margin-bottom-3">
            <summary>{t('opinions.map.tableSummary')}</summary>
            <div className="usa-table-container--scrollable" tabIndex={0}>
              <table className="usa-table usa-table--borderless usa-table--compact" data-testid="map-table">
                <caption>{t('opinions.map.tableCaption', { count: math.clustered, participants: math.participants })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('opinions.map.group')}</th>
                    <th scope="col">{t('opinions.map.people')}</th>
                    <th scope="col">{t('opinions.map.marker')}</th>
                  </tr>
                </thead>
                <tbody>
                  {math.groups.map((g, i) => (
                    <tr key={g.id}>
                      <th scope="row">
                        {t('opinions.group.name', { label: g.label })}
                        {me?.group === i ? <strong> · {t('opinions.group.yours')}</strong> : null}
                      </th>
                      <td>{number(g.memberCount)}</td>
                      <td>{t(`opinions.map.shape.${groupShape(i)}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>

          {math.groups.map((g, i) => (
            <section key={g.id} aria-labelledby={`group-${g.id}`} className="margin-y-3" data-testid="group">
              <h3 id={`group-${g.id}`}>
                {t('opinions.group.heading', { label: g.label, count: g.memberCount, formatted: number(g.memberCount) })}
                {me?.group === i ? <span className="usa-tag margin-left-1">{t('opinions.group.yours')}</span> : null}
              </h3>
              {g.representative.length === 0 ? <p>{t('opinions.group.noneRepresentative')}</p> : <p>{t('opinions.group.intro', { label: g.label })}</p>}
              <ul className="usa-list usa-list--unstyled">
                {g.representative.map((r) => {
                  const s = byNumber.get(r.number);
                  const tally = s?.groupVotes[i] ?? { agree: 0, disagree: 0, pass: 0 };
                  const seen = tally.agree + tally.disagree + tally.pass;
                  const part = r.repfulFor === 'agree' ? share(tally.agree, seen) : share(tally.disagree, seen);
                  return (
                    <li key={r.number} className="margin-bottom-2 border-left-05 padding-left-1 border-base-lighter">
                      <p className="margin-y-05">“{statementText(r.number)}”</p>
                      <p className="margin-y-05 text-base-dark">
                        <ShareBar share={part} tone={r.repfulFor} />{' '}
                        {t(r.repfulFor === 'agree' ? 'opinions.group.agreed' : 'opinions.group.disagreed', { share: percent(part), label: g.label, votes: number(seen) })}
                      </p>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}

          <section aria-labelledby="consensus-heading" className="margin-y-3" data-testid="consensus">
            <h3 id="consensus-heading">{t('opinions.consensus.heading')}</h3>
            {math.consensus.agree.length === 0 && math.consensus.disagree.length === 0 ? <p>{t('opinions.consensus.none')}</p> : null}
            <ul className="usa-list">
              {math.consensus.agree.map((c) => (
                <li key={`a-${c.number}`}>{t('opinions.consensus.agree', { text: quote(c.number), share: percent(voteShare(byNumber.get(c.number), 'agree')) })}</li>
              ))}
              {math.consensus.disagree.map((c) => (
                <li key={`d-${c.number}`}>{t('opinions.consensus.disagree', { text: quote(c.number), share: percent(voteShare(byNumber.get(c.number), 'disagree')) })}</li>
              ))}
            </ul>
            {math.groups.length >= 2 && math.groupAware.length > 0 ? (
              <>
                <h3>{t('opinions.consensus.groupsHeading')}</h3>
                <p>{t('opinions.consensus.groupsIntro')}</p>
                <ol className="usa-list" data-testid="group-aware">
                  {math.groupAware.map((c) => {
                    const s = byNumber.get(c.number);
                    return (
                      <li key={c.number}>
                        “{statementText(c.number)}”{' '}
                        <span className="text-base-dark">
                          {math.groups
                            .map((g, i) => {
                              const tally = s?.groupVotes[i] ?? { agree: 0, disagree: 0, pass: 0 };
                              return t('opinions.consensus.groupShare', { label: g.label, share: percent(share(tally.agree, tally.agree + tally.disagree + tally.pass)) });
                            })
                            .join(' · ')}
                        </span>
                      </li>
                    );
                  })}
                </ol>
              </>
            ) : null}
          </section>

          <StatementsTable math={math} statementText={statementText} />
        </>
      )}
    </section>
  );
}

function voteShare(s: MapStatement | undefined, kind: 'agree' | 'disagree'): number {
  if (!s) return 0;
  const seen = s.votes.agree + s.votes.disagree + s.votes.pass;
  return share(s.votes[kind], seen);
}

/** The plain-language summary of the map. */
function Summary({ math, me, statementText }: { math: MathView; me: Me | null; statementText: (n: number) => string }) {
  const { t } = useTranslation();
  const { number } = useLocalize();
  const percent = usePercent();
  const sentences: string[] = [t('opinions.summary.voted', { count: math.participants, formatted: number(math.participants), statements: number(math.statements.length) })];
  if (math.groups.length < 2) sentences.push(t('opinions.summary.noGroups'));
  else {
    sentences.push(t('opinions.summary.groups', { count: math.groups.length }));
    math.groups.forEach((g, i) => {
      const top = g.representative[0];
      if (!top) return;
      const s = math.statements.find((x) => x.number === top.number);
      const tally = s?.groupVotes[i] ?? { agree: 0, disagree: 0, pass: 0 };
      const seen = tally.agree + tally.disagree + tally.pass;
      const part = top.repfulFor === 'agree' ? share(tally.agree, seen) : share(tally.disagree, seen);
      sentences.push(
        t(top.repfulFor === 'agree' ? 'opinions.summary.groupAgrees' : 'opinions.summary.groupDisagrees', { label: g.label, count: g.memberCount, formatted: number(g.memberCount), text: quoted(statementText(top.number)), share: percent(part) }),
      );
    });
  }
  const agreed = math.consensus.agree[0];
  if (agreed) sentences.push(t('opinions.summary.consensus', { text: quoted(statementText(agreed.number)) }));
  if (me?.group !== null && me?.group !== undefined && math.groups[me.group]) sentences.push(t('opinions.summary.you', { label: math.groups[me.group]!.label }));
  else if (me && !me.position) sentences.push(t('opinions.summary.voteMore'));
  return (
    <div className="usa-summary-box margin-y-2" role="region" aria-label={t('opinions.summary.heading')} data-testid="summary">
      <div className="usa-summary-box__body">
        <h3 className="usa-summary-box__heading">{t('opinions.summary.heading')}</h3>
        <div className="usa-summary-box__text">
          {sentences.map((sentence, k) => (
            <p key={k} className="margin-y-05">
              {sentence}
            </p>
          ))}
        </div>
      </div>
    </div>
  );
}

/** Every statement shown now with its votes over everyone and the agreement in each group. */
function StatementsTable({ math, statementText }: { math: MathView; statementText: (n: number) => string }) {
  const { t } = useTranslation();
  const { number } = useLocalize();
  const percent = usePercent();
  return (
    <details className="civitas-details margin-y-3">
      <summary>{t('opinions.statements.summary', { count: math.statements.length })}</summary>
      <div className="usa-table-container--scrollable" tabIndex={0}>
        <table className="usa-table usa-table--borderless usa-table--compact" data-testid="statements-table">
          <caption>{t('opinions.statements.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('opinions.statements.statement')}</th>
              <th scope="col">{t('opinions.vote.agree')}</th>
              <th scope="col">{t('opinions.vote.disagree')}</th>
              <th scope="col">{t('opinions.vote.pass')}</th>
              {math.groups.map((g) => (
                <th key={g.id} scope="col">
                  {t('opinions.statements.groupAgrees', { label: g.label })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {math.statements.map((s) => (
              <tr key={s.number}>
                <th scope="row">
                  <span className="text-base-dark">{s.number}.</span> {statementText(s.number)}
                </th>
                <td>{number(s.votes.agree)}</td>
                <td>{number(s.votes.disagree)}</td>
                <td>{number(s.votes.pass)}</td>
                {s.groupVotes.map((g, i) => (
                  <td key={i}>{g.agree + g.disagree + g.pass > 0 ? percent(share(g.agree, g.agree + g.disagree + g.pass)) : '–'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
