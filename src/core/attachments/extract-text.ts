/**
 * The text inside an uploaded file, for search: plain text and CSV as they are, the text layer of a
 * PDF (pdf.js, no rendering, no fonts loaded, no script evaluated), and the cell text of XLSX and
 * ODS spreadsheets. Scanned PDFs have no text layer and give ''. Extraction is bounded in pages,
 * characters, unpacked size and time, and never fails an upload: a file whose text cannot be read
 * is stored without text.
 */
import { unzipSync } from 'fflate';
import { fileTypes, type FileType } from './file-types.js';

/** At most this many characters of a file's text are kept for search. */
export const MAX_TEXT_CHARS = 500_000;
const MAX_PDF_PAGES = 300;
const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;
const TIME_LIMIT_MS = 15_000;

function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

function xmlText(xml: string): string {
  return xml
    .replace(/<\/(text:p|text:h|a:p|w:p|si|row|table:table-row)>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ');
}

function zippedXmlText(bytes: Uint8Array, names: string[]): string {
  let unpacked = 0;
  const files = unzipSync(bytes, {
    filter: (file) => {
      if (!names.includes(file.name) && !/^xl\/worksheets\/sheet\d+\.xml$/.test(file.name)) return false;
      unpacked += file.originalSize;
      return unpacked <= MAX_UNZIPPED_BYTES;
    },
  });
  return Object.keys(files).sort().map((name) => xmlText(decodeText(files[name]!))).join('\n');
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    const parts: string[] = [];
    let length = 0;
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PDF_PAGES) && length < MAX_TEXT_CHARS; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join('');
      parts.push(text);
      length += text.length;
      page.cleanup();
    }
    return parts.join('\n');
  } finally {
    await task.destroy();
  }
}

async function extract(bytes: Uint8Array, type: FileType): Promise<string> {
  if (type === fileTypes.TXT || type === fileTypes.CSV) return decodeText(bytes);
  if (type === fileTypes.PDF) return pdfText(bytes);
  if (type === fileTypes.XLSX) return zippedXmlText(bytes, ['xl/sharedStrings.xml']);
  if (type === fileTypes.ODS) return zippedXmlText(bytes, ['content.xml']);
  return '';
}

/** The searchable text of a file, or null when it has none or it could not be read in time. */
export async function extractText(bytes: Uint8Array, type: FileType): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const text = await Promise.race([
      extract(bytes, type),
      new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve(''), TIME_LIMIT_MS);
      }),
    ]);
    // eslint-disable-next-line no-control-regex
    const cleaned = text.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, ' ').replace(/[ \t]{2,}/g, ' ').trim().slice(0, MAX_TEXT_CHARS);
    return cleaned === '' ? null : cleaned;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
