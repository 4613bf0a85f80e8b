import type { ColumnType, Generated } from 'kysely';

/** Timestamps: read as Date, written as Date or ISO string, defaulted by the database where noted. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type AreaKind = 'city' | 'district' | 'neighbourhood';
export type Sector = 'government' | 'market' | 'society';
export type OrganizationStatus = 'pending' | 'verified' | 'rejected';
export type MemberRole = 'representative' | 'member';
export type StaffRole = 'administrator' | 'moderator' | 'clerk';

export interface SettingsTable {
  key: string;
  value: Json<unknown>;
}

export interface AreasTable {
  id: Generated<string>;
  parent_id: string | null;
  kind: AreaKind;
  slug: string;
  name: string;
  name_zh: string | null;
  created_at: DefaultTimestamp;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string;
  locale: string;
  created_at: DefaultTimestamp;
  verified_at: Timestamp | null;
  area_id: string | null;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  blocked_at: Timestamp | null;
  blocked_reason: string | null;
  password_changed_at: DefaultTimestamp;
  email_notifications: Generated<'immediate' | 'daily' | 'off'>;
}

export interface UserRolesTable {
  user_id: string;
  role: StaffRole;
  granted_at: DefaultTimestamp;
  granted_by: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: Timestamp;
  acting_for_user_id: string | null;
}

export interface CensusBatchesTable {
  id: Generated<number>;
  imported_by: string | null;
  imported_at: DefaultTimestamp;
  file_name: string;
  rows_total: number;
  rows_inserted: number;
  rows_updated: number;
}

export interface CensusEntriesTable {
  id: Generated<number>;
  /** HMAC-SHA256 of the normalized document number with the installation's census salt. */
  document_hash: string;
  birth_date: string;
  area_id: string;
  batch_id: number | null;
  verified_user_id: string | null;
  verified_at: Timestamp | null;
}

export interface OrganizationsTable {
  id: Generated<string>;
  sector: Sector;
  kind: string;
  parent_id: string | null;
  slug: string;
  name: string;
  name_zh: string | null;
  description: string;
  area_id: string | null;
  website: string | null;
  email: string | null;
  status: OrganizationStatus;
  status_reason: string | null;
  is_supervisory: Generated<boolean>;
  registered_by: string | null;
  created_at: DefaultTimestamp;
  decided_at: Timestamp | null;
  decided_by: string | null;
}

export interface OrganizationMembersTable {
  organization_id: string;
  user_id: string;
  role: MemberRole;
  created_at: DefaultTimestamp;
}

export interface PostsTable {
  id: Generated<string>;
  organization_id: string;
  title: string;
  title_zh: string | null;
  holder_user_id: string | null;
  created_at: DefaultTimestamp;
}

export interface AuditLogTable {
  seq: number;
  at: Timestamp;
  actor_id: string | null;
  /** The staff member who entered the act for a resident who came in person. */
  assisted_by: string | null;
  /** The post (title in a department) in whose name an official acted. */
  post_id: string | null;
  /** The organization on whose behalf the actor acted. */
  organization_id: string | null;
  actor_role: string;
  action: string;
  resource_type: string;
  resource_id: string | null;
  data: Json<Record<string, unknown>>;
  public: boolean;
  prev_hash: string;
  hash: string;
}

export interface CalendarDaysTable {
  date: string;
  kind: 'holiday' | 'working_day';
  name: string;
  name_zh: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  payload: Json<unknown>;
  created_at: DefaultTimestamp;
  available_at: DefaultTimestamp;
  attempts: Generated<number>;
  last_error: string | null;
  done_at: Timestamp | null;
}

export interface FollowsTable {
  user_id: string;
  resource_type: string;
  resource_id: string;
  created_at: DefaultTimestamp;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: string;
  kind: string;
  resource_type: string;
  resource_id: string;
  title: string;
  path: string;
  data: Json<Record<string, unknown>>;
  created_at: Timestamp;
  read_at: Timestamp | null;
  emailed_at: Timestamp | null;
}

declare module './db/database.js' {
  interface Tables {
    settings: SettingsTable;
    areas: AreasTable;
    users: UsersTable;
    user_roles: UserRolesTable;
    sessions: SessionsTable;
    census_batches: CensusBatchesTable;
    census_entries: CensusEntriesTable;
    organizations: OrganizationsTable;
    organization_members: OrganizationMembersTable;
    posts: PostsTable;
    audit_log: AuditLogTable;
    calendar_days: CalendarDaysTable;
    outbox: OutboxTable;
    follows: FollowsTable;
    notifications: NotificationsTable;
  }
}
