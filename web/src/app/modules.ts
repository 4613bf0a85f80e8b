/**
 * The modules whose pages the web app mounts, in navigation order. Add a module's web part here
 * and its strings in `web/src/i18n/module-messages.ts`.
 */
import type { ModuleWeb } from './module-web.js';
import { processesWeb } from '../../../src/modules/processes/web/index.js';
import { proposalsWeb } from '../../../src/modules/proposals/web/index.js';
import { debatesWeb } from '../../../src/modules/debates/web/index.js';
import { regulationsWeb } from '../../../src/modules/regulations/web/index.js';
import { budgetingWeb } from '../../../src/modules/budgeting/web/index.js';
import { questionsWeb } from '../../../src/modules/questions/web/index.js';
import { reportsWeb } from '../../../src/modules/reports/web/index.js';
import { hearingsWeb } from '../../../src/modules/hearings/web/index.js';
import { opinionsWeb } from '../../../src/modules/opinions/web/index.js';
import { publicationsWeb } from '../../../src/modules/publications/web/index.js';
import { requestsWeb } from '../../../src/modules/requests/web/index.js';
import { supervisionWeb } from '../../../src/modules/supervision/web/index.js';
import { accountabilityWeb } from '../../../src/modules/accountability/web/index.js';

export const moduleWebs: ModuleWeb[] = [processesWeb, proposalsWeb, debatesWeb, regulationsWeb, budgetingWeb, questionsWeb, reportsWeb, hearingsWeb, opinionsWeb, publicationsWeb, requestsWeb, supervisionWeb, accountabilityWeb];
