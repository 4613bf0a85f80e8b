import type { MessageBundle } from '../../core/i18n/locale.js';

export const processesErrorStatus = {
  process_not_draft: 409,
  process_has_no_phases: 409,
  phase_not_ahead: 409,
  phase_ends_before_start: 400,
  phases_overlap: 400,
  component_not_enabled: 400,
  unknown_action: 400,
} as const;

export const processesMessages: MessageBundle = {
  en: {
    'error.process_not_draft': 'This process is already published.',
    'error.process_has_no_phases': 'Add at least one phase before publishing.',
    'error.phase_not_ahead': 'You can only move the process on to a later phase that has not ended.',
    'error.phase_ends_before_start': 'A phase must end after it starts.',
    'error.phases_overlap': 'Phases must follow each other without overlapping.',
    'error.component_not_enabled': 'Turn this part of the process on before opening actions for it.',
    'error.unknown_action': 'This action does not exist for this part of the process.',
    'notification.process.phase_advanced': 'The process "{title}" moved on to the phase "{phase}".',
  },
  'zh-CN': {
    'error.process_not_draft': '此进程已经发布。',
    'error.process_has_no_phases': '发布前请至少添加一个阶段。',
    'error.phase_not_ahead': '只能推进到尚未结束的后续阶段。',
    'error.phase_ends_before_start': '阶段的结束时间必须晚于开始时间。',
    'error.phases_overlap': '各阶段须依次衔接，不能重叠。',
    'error.component_not_enabled': '请先启用进程的这一部分，再为它开放操作。',
    'error.unknown_action': '进程的这一部分没有这种操作。',
    'notification.process.phase_advanced': '进程"{title}"已进入"{phase}"阶段。',
  },
};
