import type { MessageBundle } from '../i18n/locale.js';

/** HTTP status of the moderation's error codes. */
export const moderationErrorStatus = {
  not_moderatable: 400,
  already_reported: 409,
  cannot_report_own: 409,
  moderation_no_change: 409,
  no_author: 409,
} as const;

export type ModerationErrorCode = keyof typeof moderationErrorStatus;

/**
 * Messages of moderation: error codes as `error.<code>`, and the template of the notification sent
 * when reports hide content automatically (`moderation.auto_hidden`; the decisions' templates
 * `moderation.hidden` / `moderation.restored` are in notifications/messages.ts).
 */
export const moderationMessages: MessageBundle = {
  en: {
    'error.not_moderatable': 'This kind of content cannot be reported.',
    'error.already_reported': 'You have already reported this. Moderators will review it.',
    'error.cannot_report_own': 'You cannot report what you wrote yourself. Edit or delete it instead.',
    'error.moderation_no_change': 'This has already been decided and nobody has reported it since. Reload the queue.',
    'error.no_author': 'No account wrote this, so there is nobody to block.',
    'notification.moderation.auto_hidden': 'Your content "{title}" was reported by several people and is hidden until a moderator reviews it.',
  },
  'zh-CN': {
    'error.not_moderatable': '此类内容不能举报。',
    'error.already_reported': '您已经举报过此内容，版主会进行审核。',
    'error.cannot_report_own': '不能举报自己发表的内容，您可以修改或删除它。',
    'error.moderation_no_change': '此内容已经处理过，之后也没有新的举报，请刷新审核列表。',
    'error.no_author': '此内容没有作者账户，无法停用。',
    'notification.moderation.auto_hidden': '您的内容「{title}」被多人举报，在版主审核前暂时隐藏。',
  },
};
