/** The opinions API as the pages use it: types inferred from the server's zod schemas (type-only import). */
export type {
  ConversationDetail,
  ConversationList,
  ConversationSummary,
  ImportResult,
  MapGroup,
  MapStatement,
  MathView,
  Me,
  ModerationList,
  ModerationModeName,
  NextStatement,
  ParticipationName,
  ProcessRef,
  Results,
  SeedResult,
  StatementStatusName,
  StatementView,
  VoteNameValue,
  VoteResult,
  WriteResult,
} from '../schemas.js';

/** Web paths of the module's pages. */
export const conversationsUrl = (processSlug: string) => `/processes/${processSlug}/conversations`;
export const conversationUrl = (processSlug: string, conversationId: string) => `/processes/${processSlug}/conversations/${conversationId}`;

/** The longest statement, as the server checks it (Polis's 140 characters). */
export const STATEMENT_MAX = 140;
