/**
 * Shapes of the JSON the Civitas API returns under /api/v1, as the web pages use them.
 * They mirror the server's contract; when the server's zod schemas are published as types,
 * these can be replaced by imports.
 */

export type Locale = 'en' | 'zh-CN';
export type Role = 'administrator' | 'moderator' | 'clerk';
export type Sector = 'government' | 'market' | 'society';
export type OrganizationStatus = 'pending' | 'verified' | 'rejected';
export type MembershipRole = 'representative' | 'member';
export type AreaKind = 'city' | 'district' | 'neighbourhood';

/** Anything with an English name and an optional Chinese one. */
export interface Named {
  name: string;
  nameZh?: string | null;
}

export interface Membership {
  organizationId: string;
  slug: string;
  name: string;
  nameZh: string | null;
  sector: Sector;
  role: MembershipRole;
}

export interface UserPost {
  id: string;
  title: string;
  titleZh: string | null;
  organizationId: string;
  organizationSlug: string;
  organizationName: string;
  organizationNameZh: string | null;
  /** The post is in a supervisory body. */
  supervisory?: boolean;
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  verified: boolean;
  areaId: string | null;
  roles: Role[];
  memberships: Membership[];
  posts: UserPost[];
}

export interface ActingFor {
  id: string;
  displayName: string;
  verified: boolean;
}

export interface Session {
  user: SessionUser | null;
  csrfToken: string | null;
  actingFor: ActingFor | null;
  demo: boolean;
  installation: { name: string; nameZh: string | null };
}

export interface Area {
  id: string;
  parentId: string | null;
  kind: AreaKind;
  slug: string;
  name: string;
  nameZh: string | null;
}

export interface AreaDetail {
  area: Area;
  parent: Area | null;
  children: Area[];
  counts: { verifiedResidents: number; organizations: number; departments: number };
}

export interface Organization {
  id: string;
  slug: string;
  sector: Sector;
  kind: string;
  name: string;
  nameZh: string | null;
  description: string;
  areaId: string | null;
  status: OrganizationStatus;
  isSupervisory: boolean;
  parentId: string | null;
}

export interface OrganizationFull extends Organization {
  website: string | null;
  email: string | null;
  statusReason: string | null;
  createdAt: string;
}

export interface OrganizationMember {
  userId: string;
  displayName: string;
  role: MembershipRole;
}

export interface Post {
  id: string;
  title: string;
  titleZh: string | null;
  holder: null | { userId: string; displayName: string };
}

export interface OrganizationAbilities {
  update: boolean;
  manageMembers: boolean;
  verify: boolean;
  managePosts: boolean;
}

export interface OrganizationDetail {
  organization: OrganizationFull;
  members: OrganizationMember[];
  posts: Post[];
  children: Organization[];
  parent: Organization | null;
  abilities: OrganizationAbilities;
}

export interface OrganizationList {
  organizations: Organization[];
  total: number;
}

export interface AuditActor {
  role: string | null;
  postTitle: string | null;
  postTitleZh: string | null;
  organizationName: string | null;
  organizationNameZh: string | null;
  displayName: string | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  actor: AuditActor | null;
  data: Record<string, unknown> | null;
  prevHash: string | null;
  hash: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextBefore: number | null;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  headHash: string | null;
  firstBad: null | { seq: number; problem: string };
}

export interface DemoAccount {
  email: string;
  password: string;
  label: string;
  labelZh: string | null;
}

/** A census entry the demo publishes so visitors can try residency verification. */
export interface DemoCensusEntry {
  documentNumber: string;
  birthDate: string;
  /** The area's slug. */
  area: string;
}

export interface DemoAccounts {
  accounts: DemoAccount[];
  census?: DemoCensusEntry[];
}

export interface AdminUser {
  id: string;
  email: string;
  displayName: string;
  verified: boolean;
  roles: Role[];
  blocked: boolean;
  createdAt: string;
  /** Titles of the posts the user holds. */
  posts?: string[];
}

export interface CensusImportResult {
  batchId: number;
  total: number;
  inserted: number;
  updated: number;
  rejected: { line: number; code: string; message: string }[];
}

export interface CensusBatch {
  id: number;
  fileName: string;
  importedAt: string;
  rowsTotal: number;
  rowsInserted: number;
  rowsUpdated: number;
}

export interface CensusOverview {
  batches: CensusBatch[];
  entries: number;
  verified: number;
}

export interface VerificationResult {
  verified: true;
  area: { id: string; slug: string; name: string; nameZh: string | null };
}

/** A government department as module pages refer to it. */
export interface DepartmentRef {
  id: string;
  slug: string;
  name: string;
  nameZh: string | null;
}

/** A post (an official title) in a department, as module pages show who signed an act. */
export interface PostRef {
  id: string;
  title: string;
  titleZh: string | null;
  department: DepartmentRef;
}

/** The process a module's content belongs to. */
export interface ProcessRef {
  id: string;
  slug: string;
  title: string;
  titleZh: string | null;
  department: DepartmentRef;
}

/** Whether an action of a process is open now, and until when. */
export interface ActionWindow {
  open: boolean;
  until: string | null;
}
