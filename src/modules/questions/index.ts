import type { ModuleManifest } from '../../core/module.js';
import { questionsTables } from './migrations/0001-questions.js';
import { questionsErrorStatus, questionsMessages } from './messages.js';
import { questionRoutes } from './routes.js';
import { canQuestion } from './policy.js';
import { loadQuestion, questionPath } from './queries/load-question.js';
import { overdueQuestionsJob } from './operations/flag-overdue-questions.js';
import { seedQuestionsDemo } from './seed-demo.js';

import { questionsOpenData } from './opendata.js';
import { questionsDepartmentMetrics } from './scorecard.js';
import './tables.js';

export type { QuestionState, DeclineGround } from './tables.js';
export { flagOverdueQuestions } from './operations/flag-overdue-questions.js';
/** For other modules' demo content and test fixtures. */
export { askQuestion } from './operations/ask-question.js';
export { answerQuestion, declineQuestion } from './operations/answer-question.js';
/** A department's rules for questions (its answer period and legal basis), for pages of other modules. */
export { loadSettingsOf as loadQuestionSettings } from './settings.js';

/**
 * Questions to the government: a registered person or organization asks a department (or a named
 * post in it) in public, others co-sign, and the department answers within its working days,
 * signed by a post, or transfers the question or declines it on a published legal ground; late
 * answers are flagged by a sweep. Askers rate answers and may follow up once. Each department's
 * record (on time, median working days, resolved share) is public and ranked, with an Atom feed.
 */
export const questionsManifest: ModuleManifest = {
  name: 'questions',
  openData: questionsOpenData,
  departmentMetrics: questionsDepartmentMetrics,
  migrations: [questionsTables],
  errorStatus: questionsErrorStatus,
  messages: questionsMessages,
  routes: questionRoutes,
  jobs: [overdueQuestionsJob],
  seedDemo: seedQuestionsDemo,
  resources: {
    question: {
      async describe(db, id, actor) {
        const record = await loadQuestion(db, id);
        if (!record || !canQuestion(actor, 'question.read', record.ref).allow) return null;
        const { row } = record;
        const visible = row.hidden_at === null;
        return {
          title: row.title,
          path: questionPath(row.id),
          authorIds: [row.author_id],
          public: visible,
          areaId: row.area_id,
          commenting: { open: visible, stance: false, until: null },
        };
      },
      async setHidden(trx, id, hiddenAt) {
        await trx.updateTable('questions').set({ hidden_at: hiddenAt }).where('id', '=', id).execute();
      },
    },
  },
};
