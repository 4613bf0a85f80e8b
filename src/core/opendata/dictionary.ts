import type { ArchiveDataset, ArchiveFile } from './tables.js';
import type { OpenDataFieldType } from './types.js';
import { OPEN_DATA_LICENCE } from './licence.js';

export interface ArchiveInfo {
  generatedAt: Date;
  datasets: ArchiveDataset[];
  files: ArchiveFile[];
  auditHead: { seq: number; hash: string } | null;
}

/** Frictionless Table Schema types for ours (`json` cells hold any JSON value, written as JSON text in CSV). */
const FRICTIONLESS_TYPE: Record<OpenDataFieldType, string> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  json: 'any',
};

/** A resource name as Frictionless allows it: lower case, digits, `-`, `_`, `.`. */
function resourceName(path: string): string {
  return path.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
}

/** `datapackage.json`: a Frictionless Data Package describing every CSV (with its schema) and every other file. */
export function dataPackage(info: ArchiveInfo): Record<string, unknown> {
  return {
    profile: 'data-package',
    name: 'civitas-open-data',
    title: 'Civitas open data: every public record of the platform',
    description: 'Public records of the participatory platform as CSV (UTF-8 with a byte-order mark) and JSON. No personal data, no ballots. See README.md.',
    created: info.generatedAt.toISOString(),
    licenses: [{ ...OPEN_DATA_LICENCE }],
    ...(info.auditHead ? { auditHead: info.auditHead } : {}),
    resources: [
      ...info.datasets.map((d) => ({
        profile: 'tabular-data-resource',
        name: d.name,
        path: `${d.name}.csv`,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        description: d.description.en,
        'description_zh-CN': d.description.zh,
        module: d.module,
        rows: d.rows,
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: { fields: d.fields.map((f) => ({ name: f.name, type: FRICTIONLESS_TYPE[f.type], description: f.description })) },
        sources: [{ title: `${d.name}.json: the same rows as a JSON array`, path: `${d.name}.json` }],
      })),
      ...info.files.map((f) => ({
        profile: 'data-resource',
        name: resourceName(f.path),
        path: f.path,
        format: f.path.split('.').pop(),
        description: f.description,
        module: f.module,
        bytes: f.bytes,
      })),
    ],
  };
}

const TYPE_ZH: Record<OpenDataFieldType, string> = {
  string: '文本',
  integer: '整数',
  number: '数值',
  boolean: '布尔值',
  date: '日期',
  datetime: '日期时间',
  json: 'JSON',
};

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** `README.md`: the data dictionary in English and Chinese: what each file is and what each field means. */
export function readme(info: ArchiveInfo): string {
  const when = info.generatedAt.toISOString();
  const head = info.auditHead ? `${info.auditHead.hash} (seq ${info.auditHead.seq})` : 'none';
  const out: string[] = [];
  out.push('# Civitas open data / Civitas 开放数据', '');
  out.push(`- Generated / 生成时间: ${when}`);
  out.push(`- Licence / 许可协议: ${OPEN_DATA_LICENCE.title} (${OPEN_DATA_LICENCE.name}), ${OPEN_DATA_LICENCE.path}`);
  out.push(`- Audit log head hash at generation / 生成时审计日志链头哈希: ${head}`);
  out.push('');
  out.push('## About these files', '');
  out.push(
    'Every public record of the platform, regenerated once a day. Each data set is given twice: `<name>.csv` (UTF-8 with a byte-order mark, comma separated, CRLF line ends, a header row of field names; JSON values as JSON text; text that a spreadsheet would read as a formula is prefixed with an apostrophe) and `<name>.json` (an array of objects with the same fields). `datapackage.json` describes the same files as a Frictionless Data Package. Opinion conversations are also given in the Polis export format under `opinions/`.',
    '',
    'The archive holds no personal data: no names, e-mail addresses or account ids of residents, and no ballots. Officials appear only by their post\'s title and department, organizations by name. Records that are drafts or were hidden by moderation are left out. Audit-log rows are the public ones, without who acted (only the role, post and organization); their hashes cover the full rows, so compare the head hash above with `/api/v1/audit/verify` to check the log was not shortened.',
    '',
  );
  out.push('## 关于这些文件', '');
  out.push(
    '本平台的全部公开记录，每天重新生成一次。每个数据集提供两种格式：`<名称>.csv`（带字节顺序标记的 UTF-8，逗号分隔，CRLF 换行，首行为字段名；JSON 值以 JSON 文本表示；可能被电子表格当作公式的文本前加了单引号）和 `<名称>.json`（字段相同的对象数组）。`datapackage.json` 以 Frictionless 数据包格式描述这些文件。意见征集对话另以 Polis 导出格式放在 `opinions/` 目录下。',
    '',
    '本数据包不含任何个人数据：没有居民的姓名、电子邮箱或账户编号，也没有任何选票。公职人员只以职位名称和所属部门出现，组织以名称出现。草稿和被审核隐藏的内容不予导出。审计日志只含公开记录，不记录操作人（只记录角色、职位和组织）；哈希值按完整记录计算，可将上面的链头哈希与 `/api/v1/audit/verify` 的结果比对，确认日志未被截短。',
    '',
  );
  out.push('## Data sets / 数据集', '');
  out.push('| File / 文件 | Rows / 行数 | Description | 说明 |', '| --- | ---: | --- | --- |');
  for (const d of info.datasets) out.push(`| \`${d.name}.csv\`, \`${d.name}.json\` | ${d.rows} | ${escapeCell(d.description.en)} | ${escapeCell(d.description.zh)} |`);
  out.push('');
  for (const d of info.datasets) {
    out.push(`### ${d.name}`, '');
    out.push(`${d.description.en}`, '', `${d.description.zh}`, '');
    out.push(`Module / 模块: \`${d.module}\`. Rows / 行数: ${d.rows}.`, '');
    out.push('| Field / 字段 | Type / 类型 | Description / 说明 |', '| --- | --- | --- |');
    for (const f of d.fields) out.push(`| \`${f.name}\` | ${f.type} / ${TYPE_ZH[f.type]} | ${escapeCell(f.description)} |`);
    out.push('');
  }
  if (info.files.length > 0) {
    out.push('## Other files / 其他文件', '');
    out.push('| File / 文件 | Description / 说明 |', '| --- | --- |');
    for (const f of info.files) out.push(`| \`${f.path}\` | ${escapeCell(f.description)} |`);
    out.push('');
  }
  return out.join('\n');
}
