import { page, type ModuleWeb } from '../../../../web/src/app/module-web.js';
import { HearingsSection } from './hearings-section.js';

/**
 * The hearings pages: the list (upcoming and past, with the calendar feed), one hearing, the check
 * of its draw, and the officials' pages (announce and edit, the registrations, minutes with the
 * panel's answers, the response report).
 */
export const hearingsWeb: ModuleWeb = {
  name: 'hearings',
  routes: [
    { path: 'hearings', ...page(() => import('./hearings-page.js'), 'HearingsPage') },
    { path: 'hearings/new', ...page(() => import('./hearing-form-page.js'), 'HearingFormPage') },
    { path: 'hearings/:id', ...page(() => import('./hearing-page.js'), 'HearingPage') },
    { path: 'hearings/:id/edit', ...page(() => import('./hearing-form-page.js'), 'HearingFormPage') },
    { path: 'hearings/:id/draw', ...page(() => import('./draw-page.js'), 'DrawPage') },
    { path: 'hearings/:id/registrations', ...page(() => import('./registrations-page.js'), 'RegistrationsPage') },
    { path: 'hearings/:id/minutes', ...page(() => import('./minutes-page.js'), 'MinutesPage') },
    { path: 'hearings/:id/report', ...page(() => import('./report-page.js'), 'ReportPage') },
  ],
  nav: [{ id: 'hearings', path: '/hearings', label: 'hearings.nav', section: 'askAndHear' }],
  processSections: { hearings: HearingsSection },
};
