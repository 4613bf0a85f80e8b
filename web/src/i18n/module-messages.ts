/**
 * Every module's strings, merged into the app's bundle. Each module keeps its own
 * `web/i18n/en.json` and `zh-CN.json` under one top-level key (its name).
 */
import processesEn from '../../../src/modules/processes/web/i18n/en.json' with { type: 'json' };
import processesZh from '../../../src/modules/processes/web/i18n/zh-CN.json' with { type: 'json' };
import proposalsEn from '../../../src/modules/proposals/web/i18n/en.json' with { type: 'json' };
import proposalsZh from '../../../src/modules/proposals/web/i18n/zh-CN.json' with { type: 'json' };
import debatesEn from '../../../src/modules/debates/web/i18n/en.json' with { type: 'json' };
import debatesZh from '../../../src/modules/debates/web/i18n/zh-CN.json' with { type: 'json' };
import regulationsEn from '../../../src/modules/regulations/web/i18n/en.json' with { type: 'json' };
import regulationsZh from '../../../src/modules/regulations/web/i18n/zh-CN.json' with { type: 'json' };
import budgetingEn from '../../../src/modules/budgeting/web/i18n/en.json' with { type: 'json' };
import budgetingZh from '../../../src/modules/budgeting/web/i18n/zh-CN.json' with { type: 'json' };

export const moduleMessagesEn = { ...processesEn, ...proposalsEn, ...debatesEn, ...regulationsEn, ...budgetingEn };
export const moduleMessagesZh = { ...processesZh, ...proposalsZh, ...debatesZh, ...regulationsZh, ...budgetingZh };
export type ModuleMessages = typeof moduleMessagesEn;
