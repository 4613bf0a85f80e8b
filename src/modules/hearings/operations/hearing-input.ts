import type { Tx } from '../../../core/db/database.js';
import type { FieldError } from '../../../core/errors.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { strataResolver } from '../queries/strata.js';
import type { AgendaItem, StratificationMode } from '../tables.js';
import { DEFAULT_AGENDA_QUESTIONS, DEFAULT_RESPONSE_WORKING_DAYS } from '../rules.js';

/** What the department writes when it announces (or edits) a hearing, as the form sends it. */
export interface HearingInput {
  processId?: string | null;
  areaId?: string | null;
  title: string;
  titleZh?: string | null;
  description?: string;
  descriptionZh?: string | null;
  legalBasis: string;
  legalBasisZh?: string | null;
  legalReference?: string | null;
  startsAt: Date;
  endsAt: Date;
  location?: string | null;
  locationZh?: string | null;
  onlineUrl?: string | null;
  agenda?: { title: string; titleZh?: string | null }[];
  panel?: { postId: string; role: 'chair' | 'member' }[];
  seats: number;
  speakingSlots: number;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  stratification?: StratificationMode;
  quotas?: Record<string, number> | null;
  drawPublicSource?: string | null;
  agendaQuestions?: number;
  responseWorkingDays?: number;
  attachmentIds?: string[];
}

/** The checked values, ready for the row. */
export interface ResolvedHearing {
  processId: string | null;
  areaId: string | null;
  title: string;
  titleZh: string | null;
  description: string;
  descriptionZh: string | null;
  legalBasis: string;
  legalBasisZh: string | null;
  legalReference: string | null;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  locationZh: string | null;
  onlineUrl: string | null;
  agenda: AgendaItem[];
  panel: { postId: string; role: 'chair' | 'member' }[];
  seats: number;
  speakingSlots: number;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  stratification: StratificationMode;
  quotas: Record<string, number> | null;
  drawPublicSource: string | null;
  agendaQuestions: number;
  responseWorkingDays: number;
}

const blank = (text: string | null | undefined) => text?.trim() || null;

/** The post an official acts in for a department (none for administrators or assisted acts). */
export function postIn(actor: Actor, departmentId: string): string | null {
  return actor.kind === 'user' && !actor.assistedBy ? (actor.posts.find((p) => p.organizationId === departmentId)?.id ?? null) : null;
}

/**
 * Checks what a schema cannot: dates in order (registration closes before the hearing starts), a
 * place or a link, the area, the process (the department's own, with hearings among its parts),
 * panel posts in government organizations, and quotas that name the hearing's strata and fit the
 * seats. Returns the cleaned values, or the problems as field errors.
 */
export async function resolveHearingInput(
  trx: Tx,
  input: HearingInput,
  context: { departmentId: string; now: Date; startsAtChanged: boolean },
): Promise<{ ok: true; value: ResolvedHearing } | { ok: false; fields: FieldError[] }> {
  const fields: FieldError[] = [];
  const { startsAt, endsAt, registrationOpensAt, registrationClosesAt } = input;
  if (context.startsAtChanged && startsAt.getTime() <= context.now.getTime()) fields.push({ path: 'startsAt', code: 'hearing_starts_in_past' });
  if (endsAt.getTime() <= startsAt.getTime()) fields.push({ path: 'endsAt', code: 'hearing_ends_before_start' });
  if (registrationClosesAt.getTime() <= registrationOpensAt.getTime()) fields.push({ path: 'registrationClosesAt', code: 'registration_closes_before_opens' });
  else if (registrationClosesAt.getTime() > startsAt.getTime()) fields.push({ path: 'registrationClosesAt', code: 'registration_closes_after_start' });
  const location = blank(input.location);
  const onlineUrl = blank(input.onlineUrl);
  if (!location && !onlineUrl) fields.push({ path: 'location', code: 'hearing_place_required' });

  const areaId = input.areaId ?? null;
  if (areaId && !(await trx.selectFrom('areas').select('id').where('id', '=', areaId).executeTakeFirst())) fields.push({ path: 'areaId', code: 'not_found' });

  const processId = input.processId ?? null;
  if (processId) {
    const process = await trx.selectFrom('processes').select(['department_id', 'components']).where('id', '=', processId).executeTakeFirst();
    if (!process) fields.push({ path: 'processId', code: 'process_not_found' });
    else if (process.department_id !== context.departmentId) fields.push({ path: 'processId', code: 'process_other_department' });
    else if (!process.components.includes('hearings')) fields.push({ path: 'processId', code: 'process_without_hearings' });
  }

  const panel = input.panel ?? [];
  const postIds = panel.map((m) => m.postId);
  const posts = postIds.length
    ? await trx
        .selectFrom('posts')
        .innerJoin('organizations', 'organizations.id', 'posts.organization_id')
        .select('posts.id')
        .where('posts.id', 'in', postIds)
        .where('organizations.sector', '=', 'government')
        .execute()
    : [];
  const known = new Set(posts.map((p) => p.id));
  const seen = new Set<string>();
  panel.forEach((m, i) => {
    if (!known.has(m.postId)) fields.push({ path: `panel.${i}.postId`, code: 'panel_post_not_found' });
    else if (seen.has(m.postId)) fields.push({ path: `panel.${i}.postId`, code: 'panel_post_duplicate' });
    seen.add(m.postId);
  });

  const stratification = input.stratification ?? 'none';
  let quotas: Record<string, number> | null = null;
  if (stratification === 'quotas') {
    const given = input.quotas ?? {};
    if (Object.keys(given).length === 0) fields.push({ path: 'quotas', code: 'quotas_required' });
    else if (!fields.some((f) => f.path === 'areaId')) {
      const strata = new Set((await strataResolver(trx, areaId)).options.map((o) => o.key));
      for (const key of Object.keys(given)) if (!strata.has(key)) fields.push({ path: `quotas.${key}`, code: 'unknown_stratum' });
      const sum = Object.values(given).reduce((a, b) => a + b, 0);
      if (sum > input.seats) fields.push({ path: 'quotas', code: 'quotas_exceed_seats', params: { seats: input.seats } });
      quotas = Object.fromEntries(Object.entries(given).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
  }
  if (fields.length > 0) return { ok: false, fields };
  return {
    ok: true,
    value: {
      processId,
      areaId,
      title: input.title.trim(),
      titleZh: blank(input.titleZh),
      description: input.description?.trim() ?? '',
      descriptionZh: blank(input.descriptionZh),
      legalBasis: input.legalBasis.trim(),
      legalBasisZh: blank(input.legalBasisZh),
      legalReference: blank(input.legalReference),
      startsAt,
      endsAt,
      location,
      locationZh: blank(input.locationZh),
      onlineUrl,
      agenda: (input.agenda ?? []).map((a) => ({ title: a.title.trim(), titleZh: blank(a.titleZh) })),
      panel,
      seats: input.seats,
      speakingSlots: input.speakingSlots,
      registrationOpensAt,
      registrationClosesAt,
      stratification,
      quotas,
      drawPublicSource: blank(input.drawPublicSource),
      agendaQuestions: input.agendaQuestions ?? DEFAULT_AGENDA_QUESTIONS,
      responseWorkingDays: input.responseWorkingDays ?? DEFAULT_RESPONSE_WORKING_DAYS,
    },
  };
}

/** Replaces the panel with the given posts, in order. */
export async function replacePanel(trx: Tx, hearingId: string, panel: ResolvedHearing['panel']): Promise<void> {
  await trx.deleteFrom('hearing_panel').where('hearing_id', '=', hearingId).execute();
  if (panel.length > 0) {
    await trx
      .insertInto('hearing_panel')
      .values(panel.map((m, position) => ({ hearing_id: hearingId, post_id: m.postId, position, role: m.role })))
      .execute();
  }
}

/** The row's columns for resolved values. */
export function hearingColumns(v: ResolvedHearing) {
  return {
    process_id: v.processId,
    area_id: v.areaId,
    title: v.title,
    title_zh: v.titleZh,
    description: v.description,
    description_zh: v.descriptionZh,
    legal_basis: v.legalBasis,
    legal_basis_zh: v.legalBasisZh,
    legal_reference: v.legalReference,
    starts_at: v.startsAt,
    ends_at: v.endsAt,
    location: v.location,
    location_zh: v.locationZh,
    online_url: v.onlineUrl,
    agenda: JSON.stringify(v.agenda),
    seats: v.seats,
    speaking_slots: v.speakingSlots,
    registration_opens_at: v.registrationOpensAt,
    registration_closes_at: v.registrationClosesAt,
    stratification: v.stratification,
    quotas: JSON.stringify(v.quotas),
    draw_public_source: v.drawPublicSource,
    agenda_questions: v.agendaQuestions,
    response_working_days: v.responseWorkingDays,
  };
}
