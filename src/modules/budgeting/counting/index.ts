/**
 * Participatory-budgeting counting rules (pure: no database, no clock) and the Pabulib file format.
 * `tally(election, rule, params)` counts; `parsePabulib` / `writePabulib` read and write .pb files.
 */
export { tally, tryTally, rules, ruleNames, type TallyParams } from './tally.js';
export { CountingError, PabulibError, type CountingErrorCode } from './errors.js';
export {
  parsePabulib,
  tryParsePabulib,
  electionFromPabulib,
  writePabulib,
  parseDecimal,
  seededRandom,
  type PabulibFile,
  type PabulibProject,
  type PabulibBallot,
  type WritePabulibOptions,
} from './pabulib.js';
export type { Election, ElectionBallot, ElectionProject, RuleKey, TallyResult, TallyRound, VoteType } from './types.js';
