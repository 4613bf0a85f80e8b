/** The regulations API as the pages use it (mirrors `../schemas.ts`). */

// The references both debates and regulations pages show, shared with the shell.
export type { DepartmentRef, PostRef, ProcessRef, ActionWindow as Window } from '../../../../web/src/api-types.js';
import type { DepartmentRef, PostRef, ProcessRef, ActionWindow as Window } from '../../../../web/src/api-types.js';

export interface Consultation {
  comment: Window;
  support: Window;
  amend: Window;
}

export interface RegulationSummary {
  id: string;
  status: 'draft' | 'published';
  title: string;
  titleZh: string | null;
  currentVersion: number | null;
  publishedAt: string | null;
  clauses: number;
  comments: number;
  reports: number;
  hasDraft: boolean;
}

export interface RegulationList {
  process: ProcessRef;
  regulations: RegulationSummary[];
  consultation: Consultation;
  abilities: { create: boolean };
}

export interface VersionSummary {
  number: number;
  status: 'draft' | 'published';
  title: string;
  titleZh: string | null;
  changeNote: string | null;
  changeNoteZh: string | null;
  publishedAt: string | null;
  post: PostRef | null;
}

export type Opinion = 'support' | 'oppose';

export interface ClauseView {
  id: string;
  position: number;
  label: string;
  labelZh: string | null;
  text: string;
  textZh: string | null;
  counts: { comments: number; supports: number; opposes: number; alternatives: number };
  myOpinion: Opinion | null;
  current: boolean;
}

export type Decision = 'accepted' | 'partly_accepted' | 'not_accepted';

export interface Report {
  id: string;
  versionNumber: number;
  summary: string;
  summaryZh: string | null;
  publishedAt: string;
  post: PostRef | null;
  items: {
    clauseId: string;
    label: string;
    labelZh: string | null;
    decision: Decision;
    reasoning: string;
    reasoningZh: string | null;
    change: string | null;
    changeZh: string | null;
    counts: { comments: number; alternatives: number };
  }[];
}

export interface RegulationDetail {
  process: ProcessRef;
  regulation: {
    id: string;
    status: 'draft' | 'published';
    title: string;
    titleZh: string | null;
    currentVersion: number | null;
    publishedAt: string | null;
    hasDraft: boolean;
    department: DepartmentRef;
  };
  versions: VersionSummary[];
  version: VersionSummary & { introduction: string; introductionZh: string | null };
  clauses: ClauseView[];
  generalComments: number;
  reports: Report[];
  consultation: Consultation;
  awaitingResponse: string[];
  abilities: {
    support: boolean;
    amend: boolean;
    amendFor: { id: string; name: string; nameZh: string | null }[];
    edit: boolean;
    publish: boolean;
    report: boolean;
  };
}

export interface Draft {
  regulationId: string;
  number: number;
  saved: boolean;
  title: string;
  titleZh: string | null;
  introduction: string;
  introductionZh: string | null;
  changeNote: string | null;
  changeNoteZh: string | null;
  clauses: { clauseId: string; label: string; labelZh: string | null; text: string; textZh: string | null }[];
  updatedAt: string | null;
}

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface ClauseText {
  id: string;
  position: number;
  label: string;
  labelZh: string | null;
  text: string;
  textZh: string | null;
}

export interface Comparison {
  regulation: { id: string; title: string; titleZh: string | null };
  from: VersionSummary;
  to: VersionSummary;
  summary: { added: number; removed: number; changed: number; unchanged: number };
  clauses: {
    clauseId: string;
    status: 'added' | 'removed' | 'changed' | 'unchanged';
    from: ClauseText | null;
    to: ClauseText | null;
    moved: boolean;
    labelChanged: boolean;
    diff: DiffPart[] | null;
    diffZh: DiffPart[] | null;
  }[];
}

export interface Alternative {
  id: string;
  clauseId: string;
  versionNumber: number;
  text: string;
  reason: string;
  author: { displayName: string; organization: { id: string; slug: string; name: string; nameZh: string | null } | null };
  createdAt: string;
  hidden: boolean;
}
