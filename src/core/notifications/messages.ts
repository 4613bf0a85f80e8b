import type { MessageBundle } from '../i18n/locale.js';

/**
 * Notification messages and e-mail wording. A notification's `kind` is looked up as
 * `notification.<kind>` with its `data` (and `title`) as parameters; modules add templates for
 * their own kinds in their manifest's messages. Anything else reads "There is news about ...".
 */
export const notificationMessages: MessageBundle = {
  en: {
    'notifications.generic': 'There is news about "{title}".',

    'notification.process.published': 'A new participatory process has opened: "{title}".',
    'notification.process.phase_advanced': 'The process "{title}" has moved to its next phase: {phase}.',
    'notification.proposal.published': 'A new proposal was published: "{title}".',
    'notification.proposal.qualified': 'The proposal "{title}" has enough supports. The department must now answer it.',
    'notification.proposal.evaluating': 'The department is now looking at the proposal "{title}".',
    'notification.proposal.answered': 'The department has answered the proposal "{title}".',
    'notification.proposal.accepted': 'The proposal "{title}" has been accepted.',
    'notification.proposal.rejected': 'The proposal "{title}" has been rejected. You can read why on its page.',
    'notification.proposal.withdrawn': 'The proposal "{title}" has been withdrawn by its authors.',
    'notification.debate.closed': 'The debate "{title}" has been closed with a conclusion.',
    'notification.comment.created': 'There is a new comment on "{title}".',
    'notification.comment.replied': 'Someone replied to your comment on "{title}".',
    'notification.moderation.hidden': 'A moderator has hidden your content "{title}". Reason: {reason}',
    'notification.moderation.restored': 'Your content "{title}" can be seen again.',
    'notification.regulation.consultation_opened': 'The consultation on the draft regulation "{title}" has opened.',
    'notification.regulation.response_published': 'The department has published its response to the consultation on "{title}".',
    'notification.organization.verified': 'Your organization "{title}" has been verified.',
    'notification.organization.rejected': 'Your organization "{title}" was not verified. Its page says why.',

    'notifications.email.subject': '{site}: {message}',
    'notifications.email.greeting': 'Hello {name},',
    'notifications.email.open': 'See it here: {url}',
    'notifications.email.openLink': 'See it on {site}',
    'notifications.email.why': 'You get this e-mail because you follow this or take part in it on {site}.',
    'notifications.email.settings': 'To get one e-mail a day instead, or none, change your e-mail settings: {url}',
    'notifications.email.settingsLink': 'Change your e-mail settings',
    'notifications.digest.subjectOne': '{site}: 1 new notification',
    'notifications.digest.subjectMany': '{site}: {count} new notifications',
    'notifications.digest.intro': 'Here is what happened on {site} in the last day:',
    'notifications.digest.more': 'And {count} more. See them all: {url}',
    'notifications.digest.why': 'You get this summary at most once a day because you chose a daily e-mail.',

    'validation.ids_or_all': 'Say which notifications to mark as read (ids), or send all: true.',
  },
  'zh-CN': {
    'notifications.generic': '「{title}」有新动态。',

    'notification.process.published': '新的参与进程已开始：「{title}」。',
    'notification.process.phase_advanced': '参与进程「{title}」已进入下一阶段：{phase}。',
    'notification.proposal.published': '有新提案发布：「{title}」。',
    'notification.proposal.qualified': '提案「{title}」的支持数已达到门槛，主管部门须作出答复。',
    'notification.proposal.evaluating': '主管部门正在研究提案「{title}」。',
    'notification.proposal.answered': '主管部门已答复提案「{title}」。',
    'notification.proposal.accepted': '提案「{title}」已被采纳。',
    'notification.proposal.rejected': '提案「{title}」未被采纳，理由请见提案页面。',
    'notification.proposal.withdrawn': '提案「{title}」已被提出者撤回。',
    'notification.debate.closed': '讨论「{title}」已结束并给出结论。',
    'notification.comment.created': '「{title}」有新评论。',
    'notification.comment.replied': '有人回复了您在「{title}」下的评论。',
    'notification.moderation.hidden': '管理员隐藏了您的内容「{title}」。理由：{reason}',
    'notification.moderation.restored': '您的内容「{title}」已恢复显示。',
    'notification.regulation.consultation_opened': '规章草案「{title}」已开始征求意见。',
    'notification.regulation.response_published': '主管部门已发布对「{title}」征求意见的答复报告。',
    'notification.organization.verified': '您的组织「{title}」已通过核验。',
    'notification.organization.rejected': '您的组织「{title}」未通过核验，原因见组织页面。',

    'notifications.email.subject': '{site}：{message}',
    'notifications.email.greeting': '{name}，您好：',
    'notifications.email.open': '点击查看：{url}',
    'notifications.email.openLink': '在{site}查看',
    'notifications.email.why': '您收到这封邮件，是因为您在{site}关注或参与了相关内容。',
    'notifications.email.settings': '如需改为每天一封汇总邮件，或不再接收邮件，请修改邮件设置：{url}',
    'notifications.email.settingsLink': '修改邮件设置',
    'notifications.digest.subjectOne': '{site}：1 条新通知',
    'notifications.digest.subjectMany': '{site}：{count} 条新通知',
    'notifications.digest.intro': '以下是{site}过去一天的新动态：',
    'notifications.digest.more': '另有 {count} 条，全部通知请见：{url}',
    'notifications.digest.why': '您选择了每日汇总邮件，所以每天最多收到一封。',

    'validation.ids_or_all': '请说明要标为已读的通知（ids），或发送 all: true。',
  },
};
