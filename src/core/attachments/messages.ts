import type { MessageBundle } from '../i18n/locale.js';

export const attachmentErrorStatus = {
  attachment_name_invalid: 400,
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
    'error.attachment_name_invalid': 'The file name must be a plain name without folders (no “/”, “\\” or “..”). Rename the file and try again.',
    'error.attachment_empty': 'The file is empty.',
    'error.attachment_too_large': 'The file is too large. Files can be at most {maxMb} MB.',
    'error.attachment_type_not_allowed': 'This kind of file cannot be attached here. Photos (JPEG, PNG, WebP, GIF) and PDF documents can be attached everywhere; registers and replies also take spreadsheets (CSV, XLSX, ODS) and plain text.',
    'error.attachment_name_mismatch': 'The file’s name does not match its content, which is a {type} file. Rename it and try again.',
    'error.attachment_quota_reached': 'You have {max} files uploaded but not attached yet. Attach or remove some, then try again.',
    'error.attachment_invalid': 'One of the attached files is no longer available. Upload it again.',
    'error.attachment_attached': 'This file is attached already. Remove it by editing what it is attached to.',
    'error.too_many_attachments': 'At most {max} files can be attached.',
  },
  'zh-CN': {
    'error.attachment_name_invalid': '文件名不能包含文件夹路径（不能有“/”“\\”或“..”）。请修改文件名后重试。',
    'error.attachment_empty': '文件是空的。',
    'error.attachment_too_large': '文件太大，每个文件最大 {maxMb} MB。',
    'error.attachment_type_not_allowed': '此处不能附加此类文件。各处都可以附加照片（JPEG、PNG、WebP、GIF）和 PDF 文档；公开目录和答复还可以附加表格（CSV、XLSX、ODS）和纯文本文件。',
    'error.attachment_name_mismatch': '文件名与文件内容不符，该文件实际为 {type} 文件。请修改文件名后重试。',
    'error.attachment_quota_reached': '您已上传 {max} 个尚未附加的文件。请先附加或删除一些文件，然后重试。',
    'error.attachment_invalid': '某个附件已不可用，请重新上传。',
    'error.attachment_attached': '此文件已附加到内容上。如需删除，请编辑该内容。',
    'error.too_many_attachments': '最多可以附加 {max} 个文件。',
  },
};
