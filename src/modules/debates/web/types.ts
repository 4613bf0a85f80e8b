/** The debates API as the pages use it (mirrors `../schemas.ts`). */

// The references both debates and regulations pages show, shared with the shell.
export type { DepartmentRef, PostRef, ProcessRef, ActionWindow as Window } from '../../../../web/src/api-types.js';
import type { PostRef, ProcessRef, ActionWindow as Window } from '../../../../web/src/api-types.js';

export interface Debate {
  id: string;
  processId: string;
  title: string;
  description: string;
  category: string | null;
  status: 'open' | 'closed';
  author: {
    displayName: string;
    organization: { id: string; slug: string; name: string; nameZh: string | null } | null;
    post: PostRef | null;
  };
  createdAt: string;
  hidden: boolean;
  conclusion: { text: string; closedAt: string; post: PostRef | null } | null;
  comments: { total: number; inFavour: number; against: number; neutral: number };
}

export interface Authorship {
  kind: 'self' | 'organization' | 'post';
  id: string | null;
  name: string;
  nameZh: string | null;
}

export interface DebateList {
  process: ProcessRef;
  debates: Debate[];
  total: number;
  categories: string[];
  creating: Window;
  commenting: Window;
  authorships: Authorship[];
  abilities: { create: boolean };
}

export interface DebateDetail {
  process: ProcessRef;
  debate: Debate;
  commenting: Window & { stance: boolean };
  abilities: { close: boolean };
}
