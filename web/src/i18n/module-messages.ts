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
import questionsEn from '../../../src/modules/questions/web/i18n/en.json' with { type: 'json' };
import questionsZh from '../../../src/modules/questions/web/i18n/zh-CN.json' with { type: 'json' };
import reportsEn from '../../../src/modules/reports/web/i18n/en.json' with { type: 'json' };
import reportsZh from '../../../src/modules/reports/web/i18n/zh-CN.json' with { type: 'json' };
import hearingsEn from '../../../src/modules/hearings/web/i18n/en.json' with { type: 'json' };
import hearingsZh from '../../../src/modules/hearings/web/i18n/zh-CN.json' with { type: 'json' };
import opinionsEn from '../../../src/modules/opinions/web/i18n/en.json' with { type: 'json' };
import opinionsZh from '../../../src/modules/opinions/web/i18n/zh-CN.json' with { type: 'json' };
import publicationsEn from '../../../src/modules/publications/web/i18n/en.json' with { type: 'json' };
import publicationsZh from '../../../src/modules/publications/web/i18n/zh-CN.json' with { type: 'json' };
import requestsEn from '../../../src/modules/requests/web/i18n/en.json' with { type: 'json' };
import requestsZh from '../../../src/modules/requests/web/i18n/zh-CN.json' with { type: 'json' };
import supervisionEn from '../../../src/modules/supervision/web/i18n/en.json' with { type: 'json' };
import supervisionZh from '../../../src/modules/supervision/web/i18n/zh-CN.json' with { type: 'json' };
import accountabilityEn from '../../../src/modules/accountability/web/i18n/en.json' with { type: 'json' };
import accountabilityZh from '../../../src/modules/accountability/web/i18n/zh-CN.json' with { type: 'json' };

export const moduleMessagesEn = { ...processesEn, ...proposalsEn, ...debatesEn, ...regulationsEn, ...budgetingEn, ...questionsEn, ...reportsEn, ...hearingsEn, ...opinionsEn, ...publicationsEn, ...requestsEn, ...supervisionEn, ...accountabilityEn };
export const moduleMessagesZh = { ...processesZh, ...proposalsZh, ...debatesZh, ...regulationsZh, ...budgetingZh, ...questionsZh, ...reportsZh, ...hearingsZh, ...opinionsZh, ...publicationsZh, ...requestsZh, ...supervisionZh, ...accountabilityZh };
export type ModuleMessages = typeof moduleMessagesEn;
