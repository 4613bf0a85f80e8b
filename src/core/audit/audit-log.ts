import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor, Tx } from '../db/database.js';
import type { AuditLogTable } from '../tables.js';
import type { Actor } from '../permissions/actor.js';

/** The hash a chain starts from: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_CHAIN_LOCK = 7_301_002;

export interface AuditEntryInput {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  /** What changed; never secrets, and for public rows never personal data. */
  data?: Record<string, unknown>;
  /** Public rows are readable by anyone at /api/v1/audit; all rows are in the chain. */
  public: boolean;
  /** The post in whose name an official acted, when the act is official. */
  postId?: string | null;
  /** The organization on whose behalf the act was done. */
  organizationId?: string | null;
}

/** The content a row's hash covers, in a fixed key order. */
export interface AuditContent {
  seq: number;
  at: string;
  actorId: string | null;
  assistedBy: string | null;
  postId: string | null;
  organizationId: string | null;
  actorRole: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  data: unknown;
  public: boolean;
}

/** JSON with object keys sorted at every depth: the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 over the previous row's hash and this row's canonical content. */
export function hashAuditRow(prevHash: string, content: AuditContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

export function contentOfRow(row: Pick<AuditLogTable, keyof AuditLogTable> | Record<string, unknown>): AuditContent {
  const r = row as unknown as AuditLogTable & { at: Date | string };
  return {
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    assistedBy: r.assisted_by,
    postId: r.post_id,
    organizationId: r.organization_id,
    actorRole: r.actor_role,
    action: r.action,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    data: r.data,
    public: r.public,
  };
}

/** The role an actor acted in, as the public audit log names it. */
function roleOf(actor: Actor, entry: AuditEntryInput): string {
  if (actor.kind === 'system') return 'system';
  if (actor.kind === 'visitor') return 'visitor';
  if (entry.postId) return 'official';
  // Staff acting on an organization they do not belong to act as staff, and are named as such.
  const staff = actor.roles.includes('administrator') || actor.roles.includes('moderator');
  const member = entry.organizationId ? actor.memberships.some((m) => m.organizationId === entry.organizationId) : false;
  if (entry.organizationId && (member || !staff)) return 'representative';
  if (actor.roles.includes('administrator')) return 'administrator';
  if (actor.roles.includes('moderator')) return 'moderator';
  return actor.verified ? 'resident' : 'registered';
}

/**
 * Appends one row to the audit log inside the caller's transaction, chained to the previous row.
 * The chain lock is held until the transaction ends, so rows are chained in commit order;
 * call this as the last write of an operation to keep that lock short.
 */
export async function writeAudit(trx: Tx, actor: Actor, entry: AuditEntryInput, at: Date): Promise<number> {
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
  const last = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const seq = (last ? Number(last.seq) : 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content: AuditContent = {
    seq,
    at: at.toISOString(),
    actorId: actor.kind === 'user' ? actor.id : null,
    assistedBy: actor.kind === 'user' ? (actor.assistedBy?.id ?? null) : null,
    postId: entry.postId ?? null,
    organizationId: entry.organizationId ?? null,
    actorRole: roleOf(actor, entry),
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    // Round-trip through JSON so the hashed data is exactly what jsonb gives back.
    data: JSON.parse(JSON.stringify(entry.data ?? {})),
    public: entry.public,
  };
  await trx
    .insertInto('audit_log')
    .values({
      seq,
      at: content.at,
      actor_id: content.actorId,
      assisted_by: content.assistedBy,
      post_id: content.postId,
      organization_id: content.organizationId,
      actor_role: content.actorRole,
      action: content.action,
      resource_type: content.resourceType,
      resource_id: content.resourceId,
      data: JSON.stringify(content.data),
      public: content.public,
      prev_hash: prevHash,
      hash: hashAuditRow(prevHash, content),
    })
    .execute();
  return seq;
}

export type AuditProblem = 'edited' | 'deleted_or_inserted' | 'reordered' | 'broken_link';

export interface AuditVerification {
  ok: boolean;
  checked: number;
  headHash: string | null;
  firstBad: { seq: number; problem: AuditProblem } | null;
}

/**
 * Walks the whole chain in order and names the first row that does not hold: its content was
 * edited (its hash no longer matches), it was moved from another place in the chain (its hash
 * matches another sequence number), a row before it was deleted or inserted (a gap in the numbers),
 * or it no longer links to the row before it. Removing rows from the end leaves a shorter valid
 * chain: compare `headHash` and `checked` with a copy published earlier to catch that.
 */
export async function verifyAuditChain(
  db: Executor,
  onProgress: (checked: number) => void = () => {},
): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let after = 0;
  const pageSize = 5000;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      const content = contentOfRow(row);
      if (hashAuditRow(row.prev_hash, content) !== row.hash) {
        return bad(seq, movedFrom(row.prev_hash, content, row.hash) ? 'reordered' : 'edited');
      }
      if (seq !== expectedSeq) return bad(seq, 'deleted_or_inserted');
      if (row.prev_hash !== prevHash) return bad(seq, 'broken_link');
      prevHash = row.hash;
      expectedSeq = seq + 1;
      checked++;
    }
    onProgress(checked);
    if (rows.length < pageSize) break;
    after = Number(rows[rows.length - 1]!.seq);
  }
  return { ok: true, checked, headHash: checked ? prevHash : null, firstBad: null };

  /** A row whose hash holds under another sequence number was moved there from elsewhere. */
  function movedFrom(prev: string, content: AuditContent, hash: string): boolean {
    for (let delta = 1; delta <= 1000; delta++) {
      for (const candidate of [content.seq - delta, content.seq + delta]) {
        if (candidate > 0 && hashAuditRow(prev, { ...content, seq: candidate }) === hash) return true;
      }
    }
    return false;
  }

  function bad(seq: number, problem: AuditProblem): AuditVerification {
    return { ok: false, checked, headHash: null, firstBad: { seq, problem } };
  }
}
