import type { MessageBundle } from '../i18n/locale.js';

export const attachmentErrorStatus = {
  attachment_empty: 400,
  attachment_too_large: 413,
  attachment_type_not_allowed: 415,
  attachment_name_mismatch: 415,
  attachment_quota_reached: 409,
  attachment_invalid: 400,
  attachment_attached: 409,
  too_many_attachments: 400,
} as const;

export const attachmentMessages: MessageBundle = {
  en: {
    'error.attachment_empty': 'The file is empty.',
    'error.attachment_too_large': 'The file is too large. Files can be at most {maxMb} MB.',
    'error.attachment_type_not_allowed': 'This kind of file cannot be attached. Attach photos (JPEG, PNG, WebP, GIF) or PDF documents.',
    'error.attachment_name_mismatch': 'The file’s name does not match its content, which is a {type} file. Rename it and try again.',
    'error.attachment_quota_reached': 'You have {max} files uploaded but not attached yet. Attach or remove some, then try again.',
    'error.attachment_invalid': 'One of the attached files is no longer available. Upload it again.',
    'error.attachment_attached': 'This file is attached already. Remove it by editing what it is attached to.',
    'error.too_many_attachments': 'At most {max} files can be attached.',
  },
  'zh-CN': {
    'error.attachment_empty': '文件是空的。',
    'error.attachment_too_large': '文件太大，每个文件最大 {maxMb} MB。',
    'error.attachment_type_not_allowed': '不能上传此类文件。可以上传照片（JPEG、PNG、WebP、GIF）或 PDF 文档。',
    'error.attachment_name_mismatch': '文件名与文件内容不符，该文件实际为 {type} 文件。请修改文件名后重试。',
    'error.attachment_quota_reached': '您已上传 {max} 个尚未附加的文件。请先附加或删除一些文件，然后重试。',
    'error.attachment_invalid': '某个附件已不可用，请重新上传。',
    'error.attachment_attached': '此文件已附加到内容上。如需删除，请编辑该内容。',
    'error.too_many_attachments': '最多可以附加 {max} 个文件。',
  },
};
