import { page, type ModuleWeb } from '../../../../web/src/app/module-web.js';
import { ConversationsSection } from './conversations-section.js';

/**
 * The opinion-map pages: a process's conversations, one conversation (voting card, writing,
 * the live map and what it says, exports, comments), the forms (new conversation, settings,
 * Polis import) and the moderation queue.
 */
export const opinionsWeb: ModuleWeb = {
  name: 'opinions',
  routes: [
    { path: 'processes/:slug/conversations', ...page(() => import('./conversations-page.js'), 'ConversationsPage') },
    { path: 'processes/:slug/conversations/new', ...page(() => import('./conversation-form-page.js'), 'ConversationFormPage') },
    { path: 'processes/:slug/conversations/import', ...page(() => import('./import-page.js'), 'ImportPage') },
    { path: 'processes/:slug/conversations/:id', ...page(() => import('./conversation-page.js'), 'ConversationPage') },
    { path: 'processes/:slug/conversations/:id/settings', ...page(() => import('./conversation-form-page.js'), 'ConversationFormPage') },
    { path: 'processes/:slug/conversations/:id/moderation', ...page(() => import('./moderation-page.js'), 'ModerationPage') },
  ],
  nav: [],
  processSections: { opinions: ConversationsSection },
};
