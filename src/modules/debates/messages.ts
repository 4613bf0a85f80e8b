import type { MessageBundle } from '../../core/i18n/locale.js';

export const debatesErrorStatus = {
  debate_creation_closed: 409,
  debate_closed: 409,
} as const;

export type DebatesErrorCode = keyof typeof debatesErrorStatus;

export const debatesMessages: MessageBundle = {
  en: {
    'error.debate_creation_closed': 'New debates cannot be started in this phase of the process. Check the timeline for when debates open.',
    'error.debate_closed': 'This debate is closed. Read its conclusion, or start a new debate while debates are open.',
    'notification.debate.closed': 'The debate "{title}" was closed with a conclusion.',
  },
  'zh-CN': {
    'error.debate_creation_closed': '进程的当前阶段不能发起新的讨论。请查看时间线，了解讨论何时开放。',
    'error.debate_closed': '此讨论已结束。请阅读结论，或在讨论开放期间发起新的讨论。',
    'notification.debate.closed': '讨论"{title}"已结束并发布了结论。',
  },
};
