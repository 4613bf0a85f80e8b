import type { ModuleManifest } from '../core/module.js';
import { coreManifest } from '../core/index.js';
import { processesManifest } from '../modules/processes/index.js';
import { proposalsManifest } from '../modules/proposals/index.js';
import { debatesManifest } from '../modules/debates/index.js';
import { regulationsManifest } from '../modules/regulations/index.js';
import { budgetingManifest } from '../modules/budgeting/index.js';
import { questionsManifest } from '../modules/questions/index.js';
import { hearingsManifest } from '../modules/hearings/index.js';
import { opinionsManifest } from '../modules/opinions/index.js';
import { reportsManifest } from '../modules/reports/index.js';
import { publicationsManifest } from '../modules/publications/index.js';
import { requestsManifest } from '../modules/requests/index.js';
import { supervisionManifest } from '../modules/supervision/index.js';
import { accountabilityManifest } from '../modules/accountability/index.js';

/**
 * Every module the platform runs, in order: migrations, routes, messages and demo content are
 * taken from this list and nowhere else. Add a module by adding its manifest here.
 */
export const modules: ModuleManifest[] = [coreManifest, processesManifest, proposalsManifest, debatesManifest, regulationsManifest, budgetingManifest, questionsManifest, hearingsManifest, opinionsManifest, reportsManifest, publicationsManifest, requestsManifest, supervisionManifest, accountabilityManifest];
