import type { ModuleWeb } from '../../../../web/src/app/module-web.js';
import type { Session } from '../../../../web/src/api-types.js';
import { ProposalsPage } from './proposals-page.js';
import { ProposalPage } from './proposal-page.js';
import { ProposalFormPage } from './proposal-form-page.js';
import { MyProposalsPage } from './my-proposals-page.js';
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
    { path: 'processes/:slug/proposals', element: <ProposalsPage /> },
    { path: 'processes/:slug/proposals/new', element: <ProposalFormPage /> },
    { path: 'processes/:slug/proposals/:id', element: <ProposalPage /> },
    { path: 'processes/:slug/proposals/:id/edit', element: <ProposalFormPage /> },
    { path: 'me/proposals', element: <MyProposalsPage /> },
  ],
  nav: [{ id: 'my-proposals', path: '/me/proposals', label: 'proposals.nav.mine', section: 'participate', visible: signedIn }],
  processSections: { proposals: ProposalsResults },
};
