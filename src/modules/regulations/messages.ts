import type { MessageBundle } from '../../core/i18n/locale.js';

export const regulationsErrorStatus = {
  consultation_closed: 409,
  consultation_open: 409,
  clause_not_current: 409,
  no_draft_version: 409,
  report_exists: 409,
  report_incomplete: 400,
} as const;

export type RegulationsErrorCode = keyof typeof regulationsErrorStatus;

export const regulationsMessages: MessageBundle = {
  en: {
    'error.consultation_closed': 'This part of the consultation is not open now. Check the process timeline for when it opens.',
    'error.consultation_open': 'The consultation is still open. Publish the response report after it ends.',
    'error.clause_not_current': 'This clause is not in the current version any more. Look at the current version and respond to its clauses.',
    'error.no_draft_version': 'There is no draft to publish. Save a draft of the new version first.',
    'error.report_exists': 'A response report for this version is already published.',
    'error.report_incomplete': 'Answer every clause that received comments or alternative wording, then publish again.',
    'error.report_item_required': 'This clause received comments or alternative wording: say whether they were accepted and why.',
    'error.clause_not_found': 'This clause is not part of this regulation. Reload the page and try again.',
    'error.duplicate_clause': 'This clause appears twice. Keep it once.',
    'error.version_not_found': 'There is no such version of this regulation.',
    'notification.regulation.version_published': 'Version {number} of "{title}" is published.',
    'notification.regulation.report_published': 'The department published its response report on "{title}".',
  },
  'zh-CN': {
    'error.consultation_closed': '征求意见的这一环节目前未开放。请查看进程时间线，了解开放时间。',
    'error.consultation_open': '征求意见仍在进行中。请在结束后发布意见采纳情况说明。',
    'error.clause_not_current': '此条款已不在现行版本中。请查看现行版本，对其条款发表意见。',
    'error.no_draft_version': '没有可发布的草稿。请先保存新版本的草稿。',
    'error.report_exists': '此版本的意见采纳情况说明已经发布。',
    'error.report_incomplete': '请对每一条收到评论或替代表述的条款作出答复，然后再次发布。',
    'error.report_item_required': '此条款收到了评论或替代表述：请说明是否采纳及理由。',
    'error.clause_not_found': '此条款不属于这部规章。请刷新页面后重试。',
    'error.duplicate_clause': '此条款出现了两次。请只保留一次。',
    'error.version_not_found': '这部规章没有这个版本。',
    'notification.regulation.version_published': '《{title}》第 {number} 版已发布。',
    'notification.regulation.report_published': '有关部门已发布《{title}》的意见采纳情况说明。',
  },
};
