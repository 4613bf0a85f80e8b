import type { MessageBundle } from '../../core/i18n/locale.js';

export const publicationsErrorStatus = {
  publication_not_draft: 409,
  publication_not_published: 409,
  publication_withdrawn: 409,
  forbidden_department: 403,
  // Field codes (inside a 400 validation_failed), listed so their messages are found.
  publication_department_invalid: 400,
  publication_link_invalid: 400,
  publication_validity_invalid: 400,
  publication_change_note_required: 400,
} as const;

export type PublicationsErrorCode = keyof typeof publicationsErrorStatus;

export const publicationsMessages: MessageBundle = {
  en: {
    'error.publication_not_draft': 'This document is already in the register. Correct it with a note, or withdraw it with a reason.',
    'error.publication_not_published': 'Only a document in the register can be withdrawn.',
    'error.publication_withdrawn': 'This document has been withdrawn and can no longer be changed.',
    'error.forbidden_department': 'You can only publish documents for a department in which you hold a post.',
    'error.publication_department_invalid': 'Choose a department of this government from the list.',
    'error.publication_link_invalid': 'This record does not exist or you cannot see it. Choose another one.',
    'error.publication_validity_invalid': 'The end of validity must be on or after its start.',
    'error.publication_change_note_required': 'Say in a short note what you corrected: readers see it with the date of the update.',
    'notification.publication.published': 'A department you follow has published a document in the register: "{title}".',
    'notification.publication.corrected': 'The document "{title}" in the register has been updated.',
    'notification.publication.withdrawn': 'The document "{title}" has been withdrawn from the register. Its page says why.',
    'publications.feed.title': 'Publication register',
    'publications.feed.titleOf': 'Publication register: {filter}',
    'publications.feed.subtitle': 'Documents the government publishes proactively: budgets, plans, regulations, minutes, contracts, statistics and reports.',
    'publications.feed.withdrawn': 'Withdrawn: {reason}',
    'publications.feed.corrected': 'Updated: {note}',
    'publications.feed.government': 'Lakeview government',
  },
  'zh-CN': {
    'error.publication_not_draft': '此文件已在目录中公开。如需修改，请附更正说明；如需撤回，请说明理由。',
    'error.publication_not_published': '只有已公开的文件才能撤回。',
    'error.publication_withdrawn': '此文件已撤回，不能再修改。',
    'error.forbidden_department': '您只能为本人任职的部门发布文件。',
    'error.publication_department_invalid': '请从列表中选择本级政府的一个部门。',
    'error.publication_link_invalid': '该记录不存在，或您无权查看。请另选一项。',
    'error.publication_validity_invalid': '有效期的截止日期不能早于起始日期。',
    'error.publication_change_note_required': '请简要说明更正了什么：读者将看到更新日期和说明。',
    'notification.publication.published': '您关注的部门在政府信息公开目录中发布了文件「{title}」。',
    'notification.publication.corrected': '公开目录中的文件「{title}」已更新。',
    'notification.publication.withdrawn': '公开目录中的文件「{title}」已撤回，原因见文件页面。',
    'publications.feed.title': '政府信息公开目录',
    'publications.feed.titleOf': '政府信息公开目录：{filter}',
    'publications.feed.subtitle': '政府主动公开的文件：预算、规划、规章、会议纪要、合同、统计数据和报告。',
    'publications.feed.withdrawn': '已撤回：{reason}',
    'publications.feed.corrected': '已更新：{note}',
    'publications.feed.government': '政府',
  },
};

/** The categories' names in both languages, for feeds and the open-data dictionary. */
export const categoryLabels: Record<string, { en: string; zh: string }> = {
  budgets_spending: { en: 'Budgets and spending', zh: '预算与支出' },
  plans: { en: 'Plans', zh: '规划计划' },
  regulations: { en: 'Regulations', zh: '规章制度' },
  meeting_minutes: { en: 'Meeting minutes', zh: '会议纪要' },
  contracts: { en: 'Contracts', zh: '合同' },
  procurement: { en: 'Procurement', zh: '政府采购' },
  statistics: { en: 'Statistics', zh: '统计数据' },
  reports: { en: 'Reports', zh: '工作报告' },
  other: { en: 'Other', zh: '其他' },
};
