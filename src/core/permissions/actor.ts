import type { MemberRole, Sector, StaffRole } from '../tables.js';

export interface Membership {
  organizationId: string;
  slug: string;
  name: string;
  nameZh: string | null;
  sector: Sector;
  status: string;
  role: MemberRole;
}

/** A post (title in a government department) that the user holds. */
export interface PostHolding {
  id: string;
  title: string;
  titleZh: string | null;
  organizationId: string;
  organizationSlug: string;
  organizationName: string;
  organizationNameZh: string | null;
  /** Whether the post is in a supervisory body (its holder may handle complaints about other departments). */
  supervisory?: boolean;
}

export interface UserActor {
  kind: 'user';
  id: string;
  displayName: string;
  roles: StaffRole[];
  verified: boolean;
  areaId: string | null;
  blocked: boolean;
  memberships: Membership[];
  posts: PostHolding[];
  /** Set when a clerk enters this act for the resident, who came in person. */
  assistedBy?: { id: string; displayName: string };
}

/** Who is acting: an anonymous visitor, a signed-in user, or the platform itself (jobs, seeding). */
export type Actor = { kind: 'visitor' } | { kind: 'system'; label: string } | UserActor;

export const visitor: Actor = { kind: 'visitor' };

export function systemActor(label: string): Actor {
  return { kind: 'system', label };
}

export function isUser(actor: Actor): actor is UserActor {
  return actor.kind === 'user';
}
