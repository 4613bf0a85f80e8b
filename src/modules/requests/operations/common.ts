import type { Tx } from '../../../core/db/database.js';
import type { WorkingCalendar } from '../../../core/calendar/working-days.js';
import { searchVector } from '../../../core/search/text-search.js';
import { notify } from '../../../core/notifications/notify.js';
import { responseDueAt, veryOverdueDueAt } from '../deadlines.js';
import { publicText } from '../redaction.js';
import type { MessageKind, RedactionSpan } from '../tables.js';
import { requestersOf, requestPath, type RequestRow } from '../queries/load-request.js';

export interface NewMessage {
  requestId: string;
  kind: MessageKind;
  body: string;
  authorId: string | null;
  postId?: string | null;
  departmentId?: string | null;
  data?: Record<string, unknown>;
  redactions?: RedactionSpan[];
}

/** Appends a message to the correspondence (the next number in the thread); returns its id. */
export async function appendMessage(trx: Tx, message: NewMessage, now: Date): Promise<string> {
  const last = await trx
    .selectFrom('information_request_messages')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('request_id', '=', message.requestId)
    .executeTakeFirst();
  const row = await trx
    .insertInto('information_request_messages')
    .values({
      request_id: message.requestId,
      seq: (last?.seq ?? 0) + 1,
      kind: message.kind,
      body: message.body,
      author_id: message.authorId,
      post_id: message.postId ?? null,
      department_id: message.departmentId ?? null,
      data: JSON.stringify(message.data ?? {}),
      redactions: JSON.stringify(message.redactions ?? []),
      redacted_at: message.redactions && message.redactions.length > 0 ? now : null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The clock's pauses of a request, oldest first. */
export async function pausesOf(trx: Tx, requestId: string) {
  const rows = await trx.selectFrom('information_request_pauses').select(['started_at', 'ended_at']).where('request_id', '=', requestId).orderBy('started_at').execute();
  return rows.map((r) => ({ from: r.started_at, to: r.ended_at }));
}

/** Recomputes and stores the response deadline and the very-overdue date (null while paused). */
export async function storeDeadlines(trx: Tx, row: Pick<RequestRow, 'id' | 'clock_started_at' | 'working_days' | 'extension_working_days' | 'very_overdue_working_days'> & { extended: boolean }, calendar: WorkingCalendar) {
  const facts = { receivedAt: row.clock_started_at, workingDays: row.working_days, extensionDays: row.extended ? row.extension_working_days : 0, pauses: await pausesOf(trx, row.id) };
  const dueAt = responseDueAt(facts, calendar);
  const veryAt = veryOverdueDueAt(facts, row.very_overdue_working_days, calendar);
  await trx.updateTable('information_requests').set({ due_at: dueAt, very_overdue_due_at: veryAt }).where('id', '=', row.id).execute();
  return { dueAt, veryAt };
}

/** Rebuilds the search vector from the title and the public text of the request message. */
export async function reindex(trx: Tx, requestId: string): Promise<void> {
  const request = await trx.selectFrom('information_requests').select('title').where('id', '=', requestId).executeTakeFirstOrThrow();
  const first = await trx.selectFrom('information_request_messages').select(['body', 'redactions']).where('request_id', '=', requestId).where('seq', '=', 1).executeTakeFirst();
  const body = first ? publicText(first.body, first.redactions, ' ') : '';
  await trx.updateTable('information_requests').set({ tsv: searchVector(request.title, body) as never }).where('id', '=', requestId).execute();
}

/**
 * Whether the requester's own acts appear in the public audit log: not when they chose a pseudonym
 * (the row names the account, and the public must never link the pseudonym to the person).
 */
export function requesterActsPublic(row: Pick<RequestRow, 'pseudonym'>): boolean {
  return row.pseudonym === null;
}

/** Tells the requester (author and the organization's representatives) and every follower, except the person who acted. */
export async function notifyRequesterAndFollowers(
  trx: Tx,
  row: Pick<RequestRow, 'id' | 'title' | 'author_id' | 'organization_id'>,
  kind: string,
  now: Date,
  exceptUserId: string | null,
  data: Record<string, unknown> = {},
): Promise<void> {
  const followers = await trx.selectFrom('follows').select('user_id').where('resource_type', '=', 'information_request').where('resource_id', '=', row.id).execute();
  const ids = [...(await requestersOf(trx, row)), ...followers.map((f) => f.user_id)].filter((id) => id !== exceptUserId);
  await notify(trx, ids, { kind, resourceType: 'information_request', resourceId: row.id, title: row.title, path: requestPath(row.id), data }, now);
}
