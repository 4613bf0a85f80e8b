/** The proposals API as the pages use it: types inferred from the server's zod schemas (type-only import). */
export type {
  Deadline,
  MyProposals,
  OverdueItem,
  ProposalDetail,
  ProposalList,
  ProposalNote,
  ProposalState,
  ProposalSummary,
  SupportResponse,
  TimelineEntry,
} from '../schemas.js';

/** The web path of a proposal. */
export function proposalUrl(processSlug: string, id: string): string {
  return `/processes/${processSlug}/proposals/${id}`;
}
