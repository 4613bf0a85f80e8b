/** The accountability API as the pages use it: types inferred from the server's zod schemas (type-only import). */
export type {
  CommitmentDetail,
  CommitmentKind,
  CommitmentList,
  CommitmentOptions,
  CommitmentStatus,
  CommitmentSummary,
  DetailsInput,
  ImageFormula,
  ImageFormulaResponse,
  Milestone,
  Period,
  RoundAggregate,
  Scorecard,
  TimelineEntry,
  Trend,
} from '../schemas.js';

export function commitmentUrl(id: string): string {
  return `/commitments/${id}`;
}
