import { allow, definePolicy, deny, hasRole, isOfficialOf, requireRole, signedIn, type Decision } from '../../core/permissions/policy.js';
import type { Actor } from '../../core/permissions/actor.js';
import type { ReportState } from './tables.js';

/** What the policy needs to know about a report. */
export interface ReportRef {
  state: ReportState;
  /** The resident who reported it on the web; null for Open311 reports. */
  authorId: string | null;
  /** The department responsible now. */
  departmentId: string;
  hidden: boolean;
}

/** The resident who reported it (a clerk entering it for them acts as them). */
export function isReporterOf(actor: Actor, report: Pick<ReportRef, 'authorId'>): boolean {
  return actor.kind === 'user' && !actor.blocked && report.authorId !== null && actor.id === report.authorId;
}

function reporter(actor: Actor, report: ReportRef): Decision {
  const base = signedIn(actor);
  if (!base.allow) return base;
  return isReporterOf(actor, report) ? allow : deny('forbidden');
}

function departmentOfficials(actor: Actor, report: ReportRef): Decision {
  const base = signedIn(actor);
  if (!base.allow) return base;
  return isOfficialOf(actor, report.departmentId) ? allow : deny('not_an_official');
}

/**
 * Who may do what with reports of local problems. When (which state) is not here but in
 * `rules.ts`: this says who, the rules say when.
 */
export const canReport = definePolicy<{
  'report.read': ReportRef;
  'report.create': null;
  'report.updateStatus': ReportRef;
  'report.transfer': ReportRef;
  'report.readContact': ReportRef;
  'report.confirm': ReportRef;
  'report.reopen': ReportRef;
  'report.manageCategories': null;
  'report.manageApiKeys': null;
}>({
  // Public unless moderators hid it; then its reporter, its department, moderators and administrators still see it.
  'report.read': (actor, report) => {
    if (!report.hidden) return allow;
    const base = signedIn(actor);
    if (!base.allow) return base;
    if (hasRole(actor, 'moderator') || hasRole(actor, 'administrator') || isReporterOf(actor, report) || isOfficialOf(actor, report.departmentId)) return allow;
    return deny('forbidden');
  },
  // Anyone with an account may report a pothole: no residency check, a problem is a problem.
  'report.create': (actor) => signedIn(actor),
  'report.updateStatus': departmentOfficials,
  'report.transfer': departmentOfficials,
  // The contact details an Open311 client sent: for the department that has to call back, nobody else.
  'report.readContact': departmentOfficials,
  'report.confirm': reporter,
  'report.reopen': reporter,
  'report.manageCategories': (actor) => requireRole(actor, 'administrator'),
  'report.manageApiKeys': (actor) => requireRole(actor, 'administrator'),
});
