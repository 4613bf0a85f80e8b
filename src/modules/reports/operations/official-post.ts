import type { Actor } from '../../../core/permissions/actor.js';

/** The post in whose name an official acts for a department (null for anyone else). */
export function officialPostIn(actor: Actor, departmentId: string): string | null {
  return actor.kind === 'user' && !actor.assistedBy ? (actor.posts.find((p) => p.organizationId === departmentId)?.id ?? null) : null;
}
