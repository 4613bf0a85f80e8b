import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type Stance = 'in_favour' | 'against' | 'neutral';
export const stances: readonly Stance[] = ['in_favour', 'against', 'neutral'];

export interface CommentsTable {
  id: Generated<string>;
  /** Insertion order, for ties in time. */
  seq: Generated<number>;
  resource_type: string;
  resource_id: string;
  /** The commented resource's title and web path when the comment was written (for the `comment` resource adapter). */
  resource_title: string;
  resource_path: string;
  /** A part of the resource, e.g. a clause of a draft regulation. */
  anchor: string | null;
  parent_id: string | null;
  /** 0 for a top-level comment, up to MAX_COMMENT_DEPTH for replies. */
  depth: number;
  author_id: string;
  organization_id: string | null;
  post_id: string | null;
  stance: Stance | null;
  body: string;
  created_at: Timestamp;
  edited_at: Timestamp | null;
  deleted_at: Timestamp | null;
  hidden_at: Timestamp | null;
  upvotes: Generated<number>;
  downvotes: Generated<number>;
}

export interface CommentVotesTable {
  comment_id: string;
  user_id: string;
  value: number;
  created_at: Timestamp;
}

declare module '../db/database.js' {
  interface Tables {
    comments: CommentsTable;
    comment_votes: CommentVotesTable;
  }
}
