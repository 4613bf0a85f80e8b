import type { ModuleManifest } from '../core/module.js';
import { coreManifest } from '../core/index.js';
import { processesManifest } from '../modules/processes/index.js';
import { proposalsManifest } from '../modules/proposals/index.js';
import { debatesManifest } from '../modules/debates/index.js';
import { regulationsManifest } from '../modules/regulations/index.js';
import { budgetingManifest } from '../modules/budgeting/index.js';

/**
 * Every module the platform runs, in order: migrations, routes, messages and demo content are
 * taken from this list and nowhere else. Add a module by adding its manifest here.
 */
export const modules: ModuleManifest[] = [coreManifest, processesManifest, proposalsManifest, debatesManifest, regulationsManifest, budgetingManifest];
