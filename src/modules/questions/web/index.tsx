import { page, type ModuleWeb } from '../../../../web/src/app/module-web.js';

/** For department and home pages: the overdue answers to questions (`<OverdueQuestions departmentId={id} />`). */
export { OverdueQuestions } from './overdue-questions.js';

/**
 * The questions module's pages: the public list, asking, one question (with the officials' panel),
 * the departments' ranking, one department's record, and its settings.
 */
export const questionsWeb: ModuleWeb = {
  name: 'questions',
  routes: [
    { path: 'questions', ...page(() => import('./questions-page.js'), 'QuestionsPage') },
    { path: 'questions/ask', ...page(() => import('./ask-page.js'), 'AskPage') },
    { path: 'questions/departments', ...page(() => import('./ranking-page.js'), 'RankingPage') },
    { path: 'questions/departments/:slug', ...page(() => import('./record-page.js'), 'RecordPage') },
    { path: 'questions/departments/:slug/settings', ...page(() => import('./settings-page.js'), 'SettingsPage') },
    { path: 'questions/:id', ...page(() => import('./question-page.js'), 'QuestionPage') },
  ],
  nav: [
    { id: 'questions', path: '/questions', label: 'questions.nav.questions', section: 'askAndHear' },
    { id: 'question-ranking', path: '/questions/departments', label: 'questions.nav.ranking', section: 'evaluate' },
  ],
};
