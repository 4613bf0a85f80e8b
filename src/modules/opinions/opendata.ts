import type { Executor } from '../../core/db/database.js';
import type { OpenDataFile, OpenDataSource } from '../../core/opendata/types.js';
import { fieldsOf, iso } from '../../core/opendata/rows.js';
import { formatCsv } from './math/csv.js';
import type { MathResult } from './math/index.js';
import { exportOpenData } from './queries/export.js';
import { isVisible } from './rules.js';

/** Conversations in published processes, oldest first. */
async function publicConversations(db: Executor) {
  return db
    .selectFrom('opinion_conversations as c')
    .innerJoin('processes as pr', 'pr.id', 'c.process_id')
    .select(['c.id', 'c.process_id', 'pr.slug as process_slug', 'c.topic', 'c.topic_zh', 'c.description', 'c.description_zh', 'c.moderation', 'c.participation', 'c.residents_write', 'c.imported_from', 'c.created_at', 'c.math_result', 'c.math_computed_at'])
    .where('pr.status', '=', 'published')
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

type ConversationRow = Awaited<ReturnType<typeof publicConversations>>[number];

/** Counts as Polis's summary.csv gives them. */
async function countsOf(db: Executor, c: ConversationRow) {
  const [voters, statements] = await Promise.all([
    db.selectFrom('opinion_votes').select((eb) => eb.fn.count<string>('pid').distinct().as('n')).where('conversation_id', '=', c.id).executeTakeFirst(),
    db.selectFrom('opinion_statements').select(['status', 'author_pid']).where('conversation_id', '=', c.id).execute(),
  ]);
  const result = c.math_result as MathResult | null;
  return {
    voters: Number(voters?.n ?? 0),
    votersInConv: result?.clustered.length ?? 0,
    commenters: new Set(statements.filter((s) => s.author_pid !== null).map((s) => s.author_pid)).size,
    comments: statements.filter((s) => isVisible(s.status, c.moderation)).length,
    statements: statements.length,
    groups: result?.groups.length ?? 0,
  };
}

const dir = (c: ConversationRow) => `opinions/${c.id}`;

/**
 * Opinion conversations (pol.is-style maps): a table of conversations, and per conversation the
 * Polis export files (comments.csv, votes.csv, participants-votes.csv, summary.csv) under
 * `opinions/<conversation id>/`. Participants are the conversation's own numbers (0, 1, 2...), which
 * no other conversation or table shares; statements moderated out keep their row, not their text.
 */
export const opinionsOpenData: OpenDataSource = {
  tables: [
    {
      name: 'opinion_conversations',
      description: {
        en: 'One opinion conversation (a pol.is-style map of agreement); its statements and votes are in Polis format under opinions/<id>/.',
        zh: '一场意见征集对话（pol.is 式共识地图）；其观点和投票以 Polis 格式放在 opinions/<编号>/ 下。',
      },
      fields: fieldsOf({
        id: ['string', 'Identifier; also the folder opinions/<id>/ with the Polis files.'],
        process_id: ['string', 'The process (see processes).'],
        topic: ['string', 'The question put, in English.'],
        topic_zh: ['string', 'The question put, in Chinese.'],
        description: ['string', 'Description in English.'],
        description_zh: ['string', 'Description in Chinese.'],
        moderation: ['string', 'pre (statements shown after approval) or post (shown at once, removable).'],
        participation: ['string', 'Who may take part: verified residents or any registered person.'],
        residents_write: ['boolean', 'Whether participants may write statements.'],
        imported_from: ['string', 'For a conversation imported from a Polis export: which files.'],
        participants: ['integer', 'People who voted.'],
        statements: ['integer', 'Statements shown to participants.'],
        groups: ['integer', 'Opinion groups in the last map.'],
        map_computed_at: ['datetime', 'When the last map was computed.'],
        created_at: ['datetime', 'When it was opened.'],
      }),
      async rows(db) {
        const out: Record<string, unknown>[] = [];
        for (const c of await publicConversations(db)) {
          const counts = await countsOf(db, c);
          out.push({
            id: c.id,
            process_id: c.process_id,
            topic: c.topic,
            topic_zh: c.topic_zh,
            description: c.description,
            description_zh: c.description_zh,
            moderation: c.moderation,
            participation: c.participation,
            residents_write: c.residents_write,
            imported_from: c.imported_from,
            participants: counts.voters,
            statements: counts.comments,
            groups: counts.groups,
            map_computed_at: iso(c.math_computed_at),
            created_at: iso(c.created_at),
          });
        }
        return out;
      },
    },
  ],
  async files(db) {
    const files: OpenDataFile[] = [];
    for (const c of await publicConversations(db)) {
      const polis = await exportOpenData(db, c.id, c.moderation);
      const counts = await countsOf(db, c);
      const summary = formatCsv([
        ['topic', c.topic],
        ['url', `/processes/${c.process_slug}/conversations/${c.id}`],
        ['views', ''],
        ['voters', counts.voters],
        ['voters-in-conv', counts.votersInConv],
        ['commenters', counts.commenters],
        ['comments', counts.comments],
        ['groups', counts.groups],
        ['conversation-description', c.description],
      ]);
      files.push(
        { path: `${dir(c)}/comments.csv`, content: polis['comments.csv'], description: `Polis comments.csv of conversation ${c.id}: statements with agree/disagree counts and moderation.` },
        { path: `${dir(c)}/votes.csv`, content: polis['votes.csv'], description: `Polis votes.csv of conversation ${c.id}: every vote by participant number.` },
        { path: `${dir(c)}/participants-votes.csv`, content: polis['participants-votes.csv'], description: `Polis participants-votes.csv of conversation ${c.id}: one row per participant number with their final votes and group.` },
        { path: `${dir(c)}/summary.csv`, content: summary, description: `Polis summary.csv of conversation ${c.id}: topic and counts.` },
      );
    }
    return files;
  },
};
