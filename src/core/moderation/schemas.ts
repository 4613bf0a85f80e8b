import { z } from 'zod';
import { resourceIdSchema, resourceTypeSchema } from '../comments/schemas.js';

export const reportReasonSchema = z.enum(['spam', 'offensive', 'off_topic', 'personal_data', 'other']);
export const decisionReasonSchema = z.string().trim().min(3).max(1000);

export const reportBody = z.strictObject({
  resourceType: resourceTypeSchema,
  resourceId: resourceIdSchema,
  reason: reportReasonSchema,
  details: z.string().trim().max(1000).nullable().optional(),
});

export const moderationParams = z.object({ resourceType: resourceTypeSchema, resourceId: resourceIdSchema });

export const queueItemSchema = z.object({
  resourceType: z.string(),
  resourceId: z.string(),
  title: z.string().nullable(),
  path: z.string().nullable(),
  state: z.enum(['visible', 'hidden']),
  openReports: z.number(),
  totalReports: z.number(),
  lastReportedAt: z.string().nullable(),
  hiddenAt: z.string().nullable(),
  hiddenAutomatically: z.boolean(),
  reasons: z.object({ spam: z.number(), offensive: z.number(), off_topic: z.number(), personal_data: z.number(), other: z.number() }),
  details: z.array(z.object({ reason: reportReasonSchema, details: z.string(), at: z.string() })),
  decision: z.object({ decision: z.enum(['hide', 'restore']), reason: z.string(), decidedAt: z.string(), decidedBy: z.string().nullable() }).nullable(),
  authors: z.array(z.object({ id: z.string(), displayName: z.string(), blocked: z.boolean(), staff: z.boolean() })),
  abilities: z.object({ hide: z.boolean(), restore: z.boolean(), blockAuthor: z.boolean() }),
});

export const moderationSettingsSchema = z.object({ threshold: z.number(), commentEditMinutes: z.number() });
