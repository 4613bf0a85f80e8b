import type { MessageBundle } from '../i18n/locale.js';

export const openDataErrorStatus = {
  open_data_not_ready: 404,
  open_data_no_dataset: 404,
} as const;

export const openDataMessages: MessageBundle = {
  en: {
    'error.open_data_not_ready': 'The open-data archive has not been made yet. It is made once a day; try again in a few minutes.',
    'error.open_data_no_dataset': 'There is no data set with this name in the open-data archive.',
  },
  'zh-CN': {
    'error.open_data_not_ready': '开放数据包尚未生成。数据包每天生成一次，请几分钟后再试。',
    'error.open_data_no_dataset': '开放数据包中没有这个名称的数据集。',
  },
};
