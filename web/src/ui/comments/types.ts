/** Shapes of the comment and moderation API (`/api/v1/comments`, `/api/v1/reports`, `/api/v1/moderation`) as the web uses them. */

export type Stance = 'in_favour' | 'against' | 'neutral';
export const stances: Stance[] = ['in_favour', 'against', 'neutral'];
export type CommentOrder = 'oldest' | 'newest' | 'most_voted';
export const commentOrders: CommentOrder[] = ['oldest', 'newest', 'most_voted'];
export type ReportReason = 'spam' | 'offensive' | 'off_topic' | 'personal_data' | 'other';
export const reportReasons: ReportReason[] = ['spam', 'offensive', 'off_topic', 'personal_data', 'other'];

export interface CommentSummary {
  total: number;
  inFavour: number;
  against: number;
  neutral: number;
}

export interface CommentAuthor {
  displayName: string;
  organization: { id: string; slug: string; name: string; nameZh: string | null } | null;
  post: { id: string; title: string; titleZh: string | null; department: { id: string; slug: string; name: string; nameZh: string | null } } | null;
}

export interface CommentAbilities {
  edit: boolean;
  delete: boolean;
  vote: boolean;
  reply: boolean;
  report: boolean;
}

export interface ThreadComment {
  id: string;
  parentId: string | null;
  depth: number;
  anchor: string | null;
  state: 'visible' | 'hidden' | 'deleted';
  body: string | null;
  stance: Stance | null;
  author: CommentAuthor | null;
  own: boolean;
  createdAt: string;
  editedAt: string | null;
  editableUntil: string | null;
  upvotes: number;
  downvotes: number;
  myVote: -1 | 0 | 1;
  abilities: CommentAbilities;
}

export interface CommentThreadData {
  resource: { type: string; id: string; title: string; path: string; commenting: { open: boolean; stance: boolean; until: string | null } };
  summary: CommentSummary;
  comments: ThreadComment[];
  totalThreads: number;
  editWindowMinutes: number;
  maxDepth: number;
  abilities: { comment: boolean; reason: string | null };
  speakAs: {
    organizations: { id: string; name: string; nameZh: string | null }[];
    posts: { id: string; title: string; titleZh: string | null; departmentName: string; departmentNameZh: string | null }[];
  };
}

export interface VoteResult {
  upvotes: number;
  downvotes: number;
  myVote: -1 | 0 | 1;
}

export type QueueStatus = 'pending' | 'hidden' | 'restored' | 'all';
export const queueStatuses: QueueStatus[] = ['pending', 'hidden', 'restored', 'all'];

export interface QueueItem {
  resourceType: string;
  resourceId: string;
  title: string | null;
  path: string | null;
  state: 'visible' | 'hidden';
  openReports: number;
  totalReports: number;
  lastReportedAt: string | null;
  hiddenAt: string | null;
  hiddenAutomatically: boolean;
  reasons: Record<ReportReason, number>;
  details: { reason: ReportReason; details: string; at: string }[];
  decision: { decision: 'hide' | 'restore'; reason: string; decidedAt: string; decidedBy: string | null } | null;
  authors: { id: string; displayName: string; blocked: boolean; staff: boolean }[];
  abilities: { hide: boolean; restore: boolean; blockAuthor: boolean };
}

export interface ModerationSettings {
  threshold: number;
  commentEditMinutes: number;
}
