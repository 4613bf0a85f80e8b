import { allow, definePolicy, deny, hasRole, isOfficial, isOfficialOf, signedIn } from '../../core/permissions/policy.js';

export interface ProcessRef {
  departmentId: string;
  status: 'draft' | 'published';
}

function departmentStaff(actor: Parameters<typeof signedIn>[0], process: ProcessRef) {
  const base = signedIn(actor);
  if (!base.allow) return base;
  if (hasRole(actor, 'administrator') || isOfficialOf(actor, process.departmentId)) return allow;
  return deny('not_an_official');
}

/** Who may run participatory processes: officials of the responsible department, and administrators. */
export const canProcess = definePolicy<{
  'process.create': { departmentId: string };
  'process.read': ProcessRef;
  'process.update': ProcessRef;
  'process.publish': ProcessRef;
  'process.advance': ProcessRef;
}>({
  'process.create': (actor, { departmentId }) => {
    const base = signedIn(actor);
    if (!base.allow) return base;
    if (hasRole(actor, 'administrator') || isOfficialOf(actor, departmentId)) return allow;
    return isOfficial(actor) ? deny('forbidden') : deny('not_an_official');
  },
  'process.read': (actor, process) => (process.status === 'published' ? allow : departmentStaff(actor, process)),
  'process.update': departmentStaff,
  'process.publish': (actor, process) => (process.status === 'draft' ? departmentStaff(actor, process) : deny('forbidden')),
  'process.advance': (actor, process) => (process.status === 'published' ? departmentStaff(actor, process) : deny('forbidden')),
});
