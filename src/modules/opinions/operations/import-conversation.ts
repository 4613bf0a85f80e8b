import type { Deps } from '../../../core/deps.js';
import type { Tx } from '../../../core/db/database.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/permissions/actor.js';
import type { DenyReason } from '../../../core/permissions/policy.js';
import { loadProcess } from '../../processes/index.js';
import { readOpenData, type OpenDataConversation, type VoteRecord } from '../math/index.js';
import { requestRecompute } from '../math-runner.js';
import { canOpinions } from '../policy.js';
import { statementKey } from '../rules.js';
import type { StatementStatus } from '../tables.js';
import { settingsColumns, type ConversationSettingsInput } from './create-conversation.js';
import { postIn } from './participant.js';

export interface ImportInput extends ConversationSettingsInput {
  processId: string;
  /** The texts of a Polis openData folder: comments.csv, and votes.csv or participants-votes.csv (or both). */
  files: { comments: string; votes?: string; participantsVotes?: string };
}

export interface ImportSummary {
  id: string;
  statements: number;
  participants: number;
  votes: number;
  /** What was left out or renumbered: a code (`warning.<code>` in the messages) with its numbers. */
  warnings: { code: string; params?: Record<string, number> }[];
}

/**
 * Numbers for ids: Polis's own integer ids are kept (so exports match the original), anything else
 * is numbered 0, 1, 2, ... in order of first appearance.
 */
function numberIds(ids: readonly string[]): { of: Map<string, number>; renumbered: boolean } {
  const integers = ids.every((id) => /^\d{1,9}$/.test(id));
  if (integers) {
    const of = new Map(ids.map((id) => [id, Number(id)]));
    if (new Set(of.values()).size === of.size) return { of, renumbered: false };
  }
  return { of: new Map(ids.map((id, i) => [id, i])), renumbered: true };
}

/** The latest vote of each participant on each statement (re-votes in votes.csv: the last one wins). */
function latestVotes(votes: readonly VoteRecord[]): VoteRecord[] {
  const latest = new Map<string, VoteRecord>();
  for (const v of votes) {
    const key = `${v.participant}\u0000${v.comment}`;
    const before = latest.get(key);
    if (!before || v.time >= before.time) latest.set(key, v);
  }
  return [...latest.values()];
}

async function insertChunks<T>(rows: readonly T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Creates a conversation from a Polis openData export (a conversation held on pol.is, or a past
 * one): its statements with their moderation, its participants (numbers only; nobody has an account
 * here) and their latest votes. The department's officials and administrators do it; audited. The
 * map is computed right after.
 */
export async function importConversation(
  deps: Deps,
  actor: Actor,
  input: ImportInput,
): Promise<Result<ImportSummary, 'not_found' | 'conversation_not_in_process' | 'opendata_invalid' | DenyReason>> {
  const { db, clock } = deps;
  const now = clock.now();
  const context = await loadProcess(db, { id: input.processId }, now);
  if (!context) return fail('not_found');
  if (!context.process.components.includes('opinions')) return fail('conversation_not_in_process');
  const decision = canOpinions(actor, 'conversation.import', { departmentId: context.process.department_id });
  if (!decision.allow) return fail(decision.reason);
  if (input.files.votes === undefined && input.files.participantsVotes === undefined) {
    return fail('opendata_invalid', { params: { problem: 'send votes.csv or participants-votes.csv with comments.csv' }, fields: [{ path: 'files.votes', code: 'required' }] });
  }
  let data: OpenDataConversation;
  try {
    data = readOpenData(input.files);
  } catch (error) {
    return fail('opendata_invalid', { params: { problem: error instanceof Error ? error.message : String(error) } });
  }
  if (data.comments.length === 0) return fail('opendata_invalid', { params: { problem: 'comments.csv has no comments' } });
  const commentIds = [...new Set(data.comments.map((c) => c.id))];
  if (commentIds.length !== data.comments.length) return fail('opendata_invalid', { params: { problem: 'comments.csv lists a comment id twice' } });

  const warnings: ImportSummary['warnings'] = [];
  const tids = numberIds(commentIds);
  if (tids.renumbered) warnings.push({ code: 'opendata_renumbered_comments' });
  const known = data.votes.filter((v) => tids.of.has(v.comment));
  if (known.length < data.votes.length) warnings.push({ code: 'opendata_unknown_comments', params: { count: data.votes.length - known.length } });
  const votes = latestVotes(known);
  if (votes.length < known.length) warnings.push({ code: 'opendata_revotes', params: { count: known.length - votes.length } });
  const participantIds = [...new Set([...votes.map((v) => v.participant), ...data.comments.map((c) => c.author).filter((a) => a !== '')])];
  const pids = numberIds(participantIds);
  if (pids.renumbered) warnings.push({ code: 'opendata_renumbered_participants' });

  const seenKeys = new Set<string>();
  const statusOf = (moderated: number): StatementStatus => (moderated === 1 ? 'accepted' : moderated === -1 ? 'rejected' : 'pending');
  const statements = data.comments.map((c) => {
    const key = statementKey(c.body);
    const unique = key !== '' && !seenKeys.has(key);
    if (unique) seenKeys.add(key);
    return {
      tid: tids.of.get(c.id)!,
      body: c.body,
      body_key: unique ? key : null,
      author_pid: c.author !== '' ? pids.of.get(c.author)! : null,
      is_seed: c.isSeed === true,
      is_meta: c.isMeta,
      status: statusOf(c.moderated),
      created_at: c.time > 0 ? new Date(c.time) : now,
    };
  });
  const maxTid = statements.reduce((m, s) => Math.max(m, s.tid), -1);
  let maxPid = -1;
  for (const pid of pids.of.values()) maxPid = Math.max(maxPid, pid);
  const files = [['comments.csv', input.files.comments], ['votes.csv', input.files.votes], ['participants-votes.csv', input.files.participantsVotes]]
    .filter(([, text]) => text !== undefined)
    .map(([name]) => name);

  const result = await transact<ImportSummary, 'opendata_invalid'>(db, async (trx: Tx) => {
    const created = await trx
      .insertInto('opinion_conversations')
      .values({
        process_id: context.process.id,
        topic: input.topic.trim(),
        ...settingsColumns(input),
        imported_from: `Polis openData: ${files.join(', ')}`,
        created_by: actor.kind === 'user' ? actor.id : null,
        created_at: now,
        updated_at: now,
        next_pid: maxPid + 1,
        next_tid: maxTid + 1,
        math_dirty_since: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = created.id;
    await insertChunks([...pids.of.values()], 2000, (chunk) =>
      trx.insertInto('opinion_participants').values(chunk.map((pid) => ({ conversation_id: id, pid, user_id: null, created_at: now }))).execute(),
    );
    await insertChunks(statements, 500, (chunk) => trx.insertInto('opinion_statements').values(chunk.map((s) => ({ ...s, conversation_id: id }))).execute());
    await insertChunks(votes, 2000, (chunk) =>
      trx
        .insertInto('opinion_votes')
        .values(
          chunk.map((v) => ({
            conversation_id: id,
            pid: pids.of.get(v.participant)!,
            tid: tids.of.get(v.comment)!,
            vote: v.vote,
            voted_at: v.time > 0 ? new Date(v.time) : now,
          })),
        )
        .execute(),
    );
    await writeAudit(
      trx,
      actor,
      {
        action: 'opinions.conversation_imported',
        resourceType: 'conversation',
        resourceId: id,
        postId: postIn(actor, context.process.department_id),
        data: { topic: input.topic.trim(), processId: context.process.id, files, statements: statements.length, participants: pids.of.size, votes: votes.length },
        public: true,
      },
      now,
    );
    return ok({ id, statements: statements.length, participants: pids.of.size, votes: votes.length, warnings });
  });
  if (result.ok) requestRecompute(deps, result.value.id, 0);
  return result;
}
