import type { MessageBundle } from '../i18n/locale.js';

/** HTTP status of the comments' error codes. */
export const commentErrorStatus = {
  unknown_resource_type: 400,
  commenting_closed: 409,
  thread_too_deep: 409,
  stance_required: 400,
  stance_not_accepted: 400,
  comment_edit_window_closed: 409,
  comment_deleted: 409,
  comment_hidden: 409,
  reply_parent_invalid: 400,
  cannot_vote_own_comment: 409,
} as const;

export type CommentErrorCode = keyof typeof commentErrorStatus;

/** Messages of the comments' error codes (`error.<code>`); the notification templates are in notifications/messages.ts. */
export const commentMessages: MessageBundle = {
  en: {
    'error.unknown_resource_type': 'Comments are not possible on this kind of content.',
    'error.commenting_closed': 'Commenting is closed here. You can still read what others wrote.',
    'error.thread_too_deep': 'This conversation cannot go deeper. Reply to an earlier comment in the thread instead.',
    'error.stance_required': 'Say whether you are in favour, against or neutral.',
    'error.stance_not_accepted': 'Comments here do not take a position for or against. Remove it and try again.',
    'error.comment_edit_window_closed': 'Comments can only be edited for {minutes} minutes after they are written. Write a new comment instead.',
    'error.comment_deleted': 'This comment was deleted.',
    'error.comment_hidden': 'This comment is hidden by moderation while it is reviewed.',
    'error.reply_parent_invalid': 'The comment you reply to belongs to another page or clause. Reload the page and try again.',
    'error.cannot_vote_own_comment': 'You cannot vote on your own comment.',
  },
  'zh-CN': {
    'error.unknown_resource_type': '此类内容不能评论。',
    'error.commenting_closed': '此处的评论已关闭，您仍可以阅读其他人的评论。',
    'error.thread_too_deep': '此讨论串不能再往下回复了，请回复讨论串中较早的评论。',
    'error.stance_required': '请表明您是支持、反对还是中立。',
    'error.stance_not_accepted': '此处的评论不需要表明支持或反对，请去掉立场后重试。',
    'error.comment_edit_window_closed': '评论只能在发表后 {minutes} 分钟内修改，请另写一条新评论。',
    'error.comment_deleted': '此评论已被删除。',
    'error.comment_hidden': '此评论正在审核，暂时被隐藏。',
    'error.reply_parent_invalid': '您回复的评论属于其他页面或条款，请刷新页面后重试。',
    'error.cannot_vote_own_comment': '不能给自己的评论投票。',
  },
};
