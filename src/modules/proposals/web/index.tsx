import { page, type ModuleWeb } from '../../../../web/src/app/module-web.js';
import type { Session } from '../../../../web/src/api-types.js';
import { ProposalsResults } from './proposals-results.js';

/** For department pages: the overdue answers of one department (`<OverdueProposals departmentId={id} />`). */
export { OverdueProposals } from './overdue-proposals.js';

function signedIn(session: Session | null): boolean {
  return Boolean(session?.user);
}

/** The proposals module's pages: a process's proposals, one proposal, the form, and "my proposals". */
export const proposalsWeb: ModuleWeb = {
  name: 'proposals',
  routes: [
    { path: 'processes/:slug/proposals', ...page(() => import('./proposals-page.js'), 'ProposalsPage') },
    { path: 'processes/:slug/proposals/new', ...page(() => import('./proposal-form-page.js'), 'ProposalFormPage') },
    { path: 'processes/:slug/proposals/:id', ...page(() => import('./proposal-page.js'), 'ProposalPage') },
    { path: 'processes/:slug/proposals/:id/edit', ...page(() => import('./proposal-form-page.js'), 'ProposalFormPage') },
    { path: 'me/proposals', ...page(() => import('./my-proposals-page.js'), 'MyProposalsPage') },
  ],
  nav: [{ id: 'my-proposals', path: '/me/proposals', label: 'proposals.nav.mine', section: 'participate', visible: signedIn }],
  processSections: { proposals: ProposalsResults },
};
