/** The supervision API's types for the pages (from the server's zod schemas) and the pages' addresses. */
export type {
  Overview,
  Options,
  ComplaintSummary,
  ComplaintDetail,
  CaseEvent,
  PublicCase,
  ReporterView,
  HandlerReport,
  ReportSummary,
  Queue,
  KeyStatus,
  Statistics,
  SupervisionSettingsView,
  Deadline,
  Category,
  ComplaintState,
} from '../schemas.js';

export const complaintUrl = (id: string) => `/supervision/complaints/${id}`;
export const reportUrl = (id: string) => `/supervision/reports/${id}`;
