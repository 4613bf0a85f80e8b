import type { MessageBundle } from '../../core/i18n/locale.js';

export const opinionsErrorStatus = {
  conversation_vote_closed: 409,
  conversation_write_closed: 409,
  conversation_not_in_process: 409,
  statement_duplicate: 409,
  statement_empty: 400,
  statement_writing_off: 403,
  statement_unavailable: 409,
  opendata_invalid: 400,
} as const;

export type OpinionsErrorCode = keyof typeof opinionsErrorStatus;

export const opinionsMessages: MessageBundle = {
  en: {
    'error.conversation_vote_closed': 'Voting in this conversation is not open now. Check the process phases to see when it is.',
    'error.conversation_write_closed': 'New statements cannot be added now. Check the process phases to see when they can.',
    'error.conversation_not_in_process': 'This process does not include opinion maps.',
    'error.statement_duplicate': 'This statement is already in the conversation as statement {number}: “{text}”. Vote on it instead of writing it again.',
    'error.statement_empty': 'Write a statement in words, not only punctuation.',
    'error.statement_writing_off': 'In this conversation only the organizers add statements. You can vote on theirs.',
    'error.statement_unavailable': 'This statement is not open for votes: it was removed by the moderators or is waiting for them.',
    'error.opendata_invalid': 'These files are not a Polis export we can read: {problem}',
    'error.statement_duplicate_in_list': 'This is the same statement as number {number} of this list.',
    'warning.opendata_renumbered_comments': 'Comment ids were not all whole numbers, so the statements were numbered in file order.',
    'warning.opendata_renumbered_participants': 'Participant ids were not all whole numbers, so the participants were numbered in order.',
    'warning.opendata_unknown_comments': '{count} vote(s) on comments missing from comments.csv were left out.',
    'warning.opendata_revotes': '{count} earlier vote(s), replaced by a later vote of the same participant, were left out.',
  },
  'zh-CN': {
    'error.conversation_vote_closed': '此讨论目前未开放投票。请查看进程的各阶段，了解何时开放。',
    'error.conversation_write_closed': '目前不能添加新的观点。请查看进程的各阶段，了解何时可以添加。',
    'error.conversation_not_in_process': '此进程不包含观点地图。',
    'error.statement_duplicate': '讨论中已有相同的观点（第 {number} 条）：“{text}”。请直接对它投票，不必重复提交。',
    'error.statement_empty': '请用文字写出观点，不要只写标点符号。',
    'error.statement_writing_off': '此讨论只由组织方添加观点。您可以对这些观点投票。',
    'error.statement_unavailable': '此观点目前不能投票：它已被版主移除，或正在等待审核。',
    'error.opendata_invalid': '无法读取这些 Polis 导出文件：{problem}',
    'error.statement_duplicate_in_list': '此观点与本列表中的第 {number} 条相同。',
    'warning.opendata_renumbered_comments': '评论编号不全是整数，因此按文件顺序为观点编号。',
    'warning.opendata_renumbered_participants': '参与者编号不全是整数，因此按顺序为参与者编号。',
    'warning.opendata_unknown_comments': '有 {count} 张投票针对 comments.csv 中不存在的评论，已略去。',
    'warning.opendata_revotes': '有 {count} 张较早的投票已被同一参与者后来的投票取代，已略去。',
  },
};
