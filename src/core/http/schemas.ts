import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../identity/passwords.js';

/** Shared zod schemas: the source of request validation, response types and the OpenAPI document. */

export const errorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
    }),
  })
  .describe('An error with a stable code and a message in the language of Accept-Language');

export const localeSchema = z.enum(['en', 'zh-CN']);
export const emailSchema = z.email().max(254);
export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);
export const displayNameSchema = z.string().trim().min(1).max(80);
export const idSchema = z.uuid();
export const slugSchema = z.string().min(1).max(80).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const roleSchema = z.enum(['administrator', 'moderator', 'clerk']);
export const sectorSchema = z.enum(['government', 'market', 'society']);
export const urlSchema = z.url({ protocol: /^https?$/ }).max(500);
/** How a person gets notification e-mails: each at once, one summary a day, or none. */
export const emailNotificationsSchema = z.enum(['immediate', 'daily', 'off']);

export const membershipSchema = z.object({
  organizationId: z.string(),
  slug: z.string(),
  name: z.string(),
  nameZh: z.string().nullable(),
  sector: sectorSchema,
  role: z.enum(['representative', 'member']),
});

export const postHoldingSchema = z.object({
  id: z.string(),
  title: z.string(),
  titleZh: z.string().nullable(),
  organizationId: z.string(),
  organizationSlug: z.string(),
  organizationName: z.string(),
  organizationNameZh: z.string().nullable(),
  supervisory: z.boolean().optional(),
});

export const sessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  locale: localeSchema,
  emailNotifications: emailNotificationsSchema,
  verified: z.boolean(),
  areaId: z.string().nullable(),
  roles: z.array(roleSchema),
  memberships: z.array(membershipSchema),
  posts: z.array(postHoldingSchema),
});

export const sessionSchema = z.object({
  user: sessionUserSchema.nullable(),
  csrfToken: z.string().nullable(),
  actingFor: z.object({ id: z.string(), displayName: z.string(), verified: z.boolean() }).nullable(),
  demo: z.boolean(),
  installation: z.object({ name: z.string(), nameZh: z.string() }),
});

export const areaSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(['city', 'district', 'neighbourhood']),
  slug: z.string(),
  name: z.string(),
  nameZh: z.string().nullable(),
});

export const organizationSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  sector: sectorSchema,
  kind: z.string(),
  name: z.string(),
  nameZh: z.string().nullable(),
  description: z.string(),
  areaId: z.string().nullable(),
  status: z.enum(['pending', 'verified', 'rejected']),
  isSupervisory: z.boolean(),
  parentId: z.string().nullable(),
});

export const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  actor: z.object({
    role: z.string(),
    postTitle: z.string().nullable(),
    postTitleZh: z.string().nullable(),
    organizationName: z.string().nullable(),
    organizationNameZh: z.string().nullable(),
    displayName: z.string().nullable(),
  }),
  data: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});

/** Error responses every route may give, for the OpenAPI document. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, errorResponse])) as Record<number, typeof errorResponse>;
}

/**
 * How long a text reads: Chinese, Japanese and Korean characters count twice, since one carries
 * about as much as a short Latin word ("社区菜园", four characters, is a whole title).
 */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(ch) ? 2 : 1;
  return width;
}

/**
 * Text people write (titles, descriptions, reasons): trimmed, at most `max` characters, and at least
 * `min` long in `textWidth`, so a minimum written with English in mind does not refuse short Chinese.
 */
export function writtenText(min: number, max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .superRefine((value, ctx) => {
      if (textWidth(value) < min) ctx.addIssue({ code: 'too_small', origin: 'string', minimum: min, inclusive: true, input: value });
    });
}
