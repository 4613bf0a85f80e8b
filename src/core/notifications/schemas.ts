import { z } from 'zod';
import { emailNotificationsSchema } from '../http/schemas.js';

/** Request and response shapes of follows and notifications: the source of validation and of the OpenAPI document. */

export const emailPreferenceSchema = emailNotificationsSchema;

/** A resource type as modules name them: `proposal`, `process`, `organization`, `regulation.clause`. */
export const resourceTypeSchema = z.string().min(1).max(40).regex(/^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*$/);
export const resourceIdSchema = z.string().min(1).max(100);

export const followParamsSchema = z.object({ resourceType: resourceTypeSchema, resourceId: resourceIdSchema });

export const followStateSchema = z.object({
  following: z.boolean().describe('Whether the caller follows the resource (false for visitors)'),
  followers: z.number().int().describe('How many people follow it'),
});

export const followSchema = z.object({
  resourceType: z.string(),
  resourceId: z.string(),
  title: z.string().nullable().describe('Null when the resource is gone or no longer visible to the caller'),
  path: z.string().nullable(),
  available: z.boolean(),
  createdAt: z.string(),
});

export const notificationSchema = z.object({
  id: z.number().int(),
  kind: z.string().describe('Stable kind; also the message key `notification.<kind>`'),
  resourceType: z.string(),
  resourceId: z.string(),
  title: z.string().describe("The resource's title when the notification was made"),
  path: z.string().describe('Web path of the resource'),
  message: z.string().describe('The notification as a sentence in the language of Accept-Language'),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const listNotificationsQuerySchema = z.object({
  unread: z.enum(['true', 'false']).optional().describe('true: only unread ones'),
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional().describe('Only notifications listed after this one (`nextBefore` of the previous page)'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const markReadBodySchema = z
  .strictObject({
    ids: z.array(z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)).min(1).max(500).optional(),
    all: z.literal(true).optional(),
  })
  .refine((body) => (body.ids === undefined) !== (body.all === undefined), { message: 'validation.ids_or_all', path: ['ids'] });
