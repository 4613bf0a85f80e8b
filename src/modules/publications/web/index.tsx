import { page, type ModuleWeb } from '../../../../web/src/app/module-web.js';

/**
 * The publication register's pages: the register with search, filters and feeds; one publication
 * (with the department's actions); and the form to prepare or correct a document.
 */
export const publicationsWeb: ModuleWeb = {
  name: 'publications',
  routes: [
    { path: 'publications', ...page(() => import('./register-page.js'), 'RegisterPage') },
    { path: 'publications/new', ...page(() => import('./publication-form-page.js'), 'PublicationFormPage') },
    { path: 'publications/:id', ...page(() => import('./publication-page.js'), 'PublicationPage') },
    { path: 'publications/:id/edit', ...page(() => import('./publication-form-page.js'), 'PublicationFormPage') },
  ],
  nav: [{ id: 'publications', path: '/publications', label: 'publications.nav', section: 'transparency' }],
};
