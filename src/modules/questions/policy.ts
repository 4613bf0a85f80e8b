import { allow, definePolicy, deny, hasRole, isOfficialOf, isRepresentativeOf, signedIn, type Decision } from '../../core/permissions/policy.js';
import type { Actor } from '../../core/permissions/actor.js';
import type { QuestionState } from './tables.js';

/** What the policy needs to know about a question. */
export interface QuestionRef {
  state: QuestionState;
  authorId: string;
  organizationId: string | null;
  hidden: boolean;
  /** The department that must answer it now. */
  departmentId: string;
}

/**
 * The asker: the person who asked, or a representative of the organization it was asked for.
 * A clerk assisting a resident acts as that resident.
 */
export function isAskerOf(actor: Actor, question: Pick<QuestionRef, 'authorId' | 'organizationId'>): boolean {
  if (actor.kind !== 'user' || actor.blocked) return false;
  if (actor.id === question.authorId) return true;
  return question.organizationId !== null && isRepresentativeOf(actor, question.organizationId);
}

function askers(actor: Actor, question: QuestionRef): Decision {
  const base = signedIn(actor);
  if (!base.allow) return base;
  return isAskerOf(actor, question) ? allow : deny('forbidden');
}

function departmentOfficials(actor: Actor, question: QuestionRef): Decision {
  const base = signedIn(actor);
  if (!base.allow) return base;
  return isOfficialOf(actor, question.departmentId) ? allow : deny('not_an_official');
}

/**
 * Who may do what with questions to the government. The state machine (may it still be answered,
 * rated, followed up?) is in `rules.ts`: this says who, the rules say when.
 */
export const canQuestion = definePolicy<{
  'question.read': QuestionRef;
  'question.ask': { organizationId: string | null };
  'question.cosign': QuestionRef;
  'question.respond': QuestionRef;
  'question.rate': QuestionRef;
  'question.followUp': QuestionRef;
  'department.configureQuestions': { departmentId: string };
}>({
  // Questions are public from the start; hidden ones stay readable to moderators, administrators and the asker.
  'question.read': (actor, question) => {
    if (!question.hidden) return allow;
    const base = signedIn(actor);
    if (!base.allow) return base;
    if (hasRole(actor, 'moderator') || hasRole(actor, 'administrator') || isAskerOf(actor, question)) return allow;
    return deny('forbidden');
  },
  // Any registered person asks in their own name; representatives on behalf of their organization.
  'question.ask': (actor, { organizationId }) => {
    const base = signedIn(actor);
    if (!base.allow || organizationId === null) return base;
    return isRepresentativeOf(actor, organizationId) ? allow : deny('not_a_representative');
  },
  // Co-signing says "I want this answered too": any registered person but the askers themselves.
  'question.cosign': (actor, question) => {
    const base = signedIn(actor);
    if (!base.allow) return base;
    return isAskerOf(actor, question) ? deny('forbidden') : allow;
  },
  // Answering, transferring and declining: officials holding a post in the department it is with now.
  'question.respond': departmentOfficials,
  'question.rate': askers,
  'question.followUp': askers,
  // The department's rules for questions: administrators, and the department's own officials.
  'department.configureQuestions': (actor, { departmentId }) => {
    const base = signedIn(actor);
    if (!base.allow) return base;
    return hasRole(actor, 'administrator') || isOfficialOf(actor, departmentId) ? allow : deny('not_an_official');
  },
});
