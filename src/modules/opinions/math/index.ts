/**
 * The opinion-map math (a pure TypeScript port of the Polis math worker): what the opinions module uses.
 * No database or HTTP here; everything takes and returns plain data.
 */
export { cold, createMathState, defaultMathOptions, update, type MathSeed, type MathState } from './conversation.js';
export { replayClustered } from './history.js';
export {
  pseudonymize,
  readOpenData,
  readOpenDataComments,
  readOpenDataParticipantVotes,
  readOpenDataVotes,
  writeOpenData,
  OpenDataError,
  type OpenDataComment,
  type OpenDataConversation,
  type OpenDataExportInput,
} from './opendata.js';
export { readPolisExport, readPolisMath, PolisExportError, type PolisMath } from './polis-export.js';
export { deserializeMathState, serializeMathState, MathStateFormatError } from './state-io.js';
export type * from './types.js';
