import { z } from 'zod';
import { idSchema, slugSchema } from '../../core/http/schemas.js';

export const componentSchema = z.enum(['proposals', 'debates', 'regulations', 'budgeting', 'opinions', 'surveys', 'hearings']);
const isoDate = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const phaseInputSchema = z.strictObject({
  title: z.string().trim().min(2).max(160),
  titleZh: z.string().trim().max(160).nullable().optional(),
  description: z.string().trim().max(5000).optional(),
  descriptionZh: z.string().trim().max(5000).nullable().optional(),
  startsAt: isoDate,
  endsAt: isoDate,
  actions: z.partialRecord(componentSchema, z.array(z.string().max(40)).max(10)),
});

export const processInputSchema = z.strictObject({
  slug: slugSchema.optional(),
  title: z.string().trim().min(3).max(200),
  titleZh: z.string().trim().max(200).nullable().optional(),
  summary: z.string().trim().min(3).max(1000),
  summaryZh: z.string().trim().max(1000).nullable().optional(),
  body: z.string().trim().max(20000).optional(),
  bodyZh: z.string().trim().max(20000).nullable().optional(),
  areaId: idSchema.nullable().optional(),
  departmentId: idSchema,
  postId: idSchema.nullable().optional(),
  legalBasis: z.string().trim().min(3).max(2000),
  legalBasisZh: z.string().trim().max(2000).nullable().optional(),
  legalReference: z.string().trim().max(500).nullable().optional(),
  components: z.array(componentSchema).max(6),
  supportThreshold: z.number().int().min(1).max(1_000_000),
  answerWorkingDays: z.number().int().min(1).max(365),
  supportsPerPerson: z.number().int().min(1).max(1000).nullable().optional(),
  editWindowMinutes: z.number().int().min(0).max(7 * 24 * 60).optional(),
  phases: z.array(phaseInputSchema).min(1).max(12),
});

const phaseSchema = z.object({
  id: z.string(),
  position: z.number(),
  title: z.string(),
  titleZh: z.string().nullable(),
  description: z.string(),
  descriptionZh: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  actions: z.record(z.string(), z.array(z.string())),
});

export const processSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  titleZh: z.string().nullable(),
  summary: z.string(),
  summaryZh: z.string().nullable(),
  areaId: z.string().nullable(),
  department: z.object({ id: z.string(), slug: z.string(), name: z.string(), nameZh: z.string().nullable() }),
  status: z.enum(['draft', 'published']),
  stage: z.enum(['upcoming', 'active', 'between_phases', 'finished']),
  currentPhase: phaseSchema.nullable(),
  components: z.array(componentSchema),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
});

export const processDetailSchema = z.object({
  process: processSummarySchema.extend({
    body: z.string(),
    bodyZh: z.string().nullable(),
    legalBasis: z.string(),
    legalBasisZh: z.string().nullable(),
    legalReference: z.string().nullable(),
    supportThreshold: z.number(),
    answerWorkingDays: z.number(),
    supportsPerPerson: z.number().nullable(),
    editWindowMinutes: z.number(),
    post: z.object({ id: z.string(), title: z.string(), titleZh: z.string().nullable() }).nullable(),
    publishedAt: z.string().nullable(),
  }),
  phases: z.array(phaseSchema),
  /** Per component, the actions open now and until when. */
  openActions: z.array(z.object({ component: componentSchema, action: z.string(), until: z.string() })),
  nextPhase: phaseSchema.nullable(),
  abilities: z.object({ update: z.boolean(), publish: z.boolean(), advance: z.boolean() }),
});
