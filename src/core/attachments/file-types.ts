/**
 * What files people may attach, recognised by their first bytes (never by the name or the type the
 * browser claims), and the removal of metadata that can carry personal data (a photo's EXIF block
 * holds the place it was taken and the camera's serial number).
 */

/** image: photos; document: PDF; spreadsheet: CSV, XLSX, ODS; text: plain UTF-8 text. */
export type AttachmentKind = 'image' | 'document' | 'spreadsheet' | 'text';
export const attachmentKinds: readonly AttachmentKind[] = ['image', 'document', 'spreadsheet', 'text'];

export interface FileType {
  contentType: string;
  extension: string;
  kind: AttachmentKind;
}

const JPEG: FileType = { contentType: 'image/jpeg', extension: 'jpg', kind: 'image' };
const PNG: FileType = { contentType: 'image/png', extension: 'png', kind: 'image' };
const WEBP: FileType = { contentType: 'image/webp', extension: 'webp', kind: 'image' };
const GIF: FileType = { contentType: 'image/gif', extension: 'gif', kind: 'image' };
const PDF: FileType = { contentType: 'application/pdf', extension: 'pdf', kind: 'document' };
const CSV: FileType = { contentType: 'text/csv; charset=utf-8', extension: 'csv', kind: 'spreadsheet' };
const XLSX: FileType = { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx', kind: 'spreadsheet' };
const ODS: FileType = { contentType: 'application/vnd.oasis.opendocument.spreadsheet', extension: 'ods', kind: 'spreadsheet' };
const TXT: FileType = { contentType: 'text/plain; charset=utf-8', extension: 'txt', kind: 'text' };

/** Every accepted type, for messages and for the file picker's `accept`. */
export const acceptedFileTypes: readonly FileType[] = [JPEG, PNG, WEBP, GIF, PDF, CSV, XLSX, ODS, TXT];
export const fileTypes = { JPEG, PNG, WEBP, GIF, PDF, CSV, XLSX, ODS, TXT } as const;

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const KNOWN_EXTENSIONS = new Set(['jpg', 'jpeg', 'jfif', 'png', 'webp', 'gif', 'pdf', 'xlsx', 'ods']);
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/** Whether the bytes are UTF-8 text (an optional BOM, no NUL and no other control characters but tab, CR, LF, FF). */
export function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/.test(text);
}

/**
 * The file's type from its content, or null when it is not one of the accepted types. Binary
 * formats are recognised by their signature (a ZIP is a spreadsheet only when its entries say so);
 * text has no signature, so UTF-8 text is CSV when its name says `.csv` and plain text otherwise.
 */
export function detectFileType(bytes: Uint8Array, fileName = ''): FileType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return WEBP;
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return GIF;
  if (startsWith(bytes, ascii('%PDF-'))) return PDF;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // OpenDocument stores an uncompressed `mimetype` entry first; OOXML names its parts in local headers.
    if (startsWith(bytes, ascii('mimetype'), 30) && startsWith(bytes, ascii(ODS_MIMETYPE), 38)) return ODS;
    const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 64 * 1024))).toString('latin1');
    if (head.includes('[Content_Types].xml') && head.includes('xl/')) return XLSX;
    return null;
  }
  if (bytes.length > 0 && isPlainText(bytes)) {
    // Text named as another accepted type is text that lies about its type (refused as a mismatch);
    // text with any other extension (a web page, a script) is not accepted at all.
    const ext = extensionOf(fileName);
    if (ext === 'csv') return CSV;
    if (ext === '' || ext === 'txt' || KNOWN_EXTENSIONS.has(ext)) return TXT;
    return null;
  }
  return null;
}

/**
 * Whether a name is safe to take at all: no directory part, no `..`, no control characters. Such a
 * name is refused rather than cleaned, so a client that sends one learns of its mistake.
 */
export function isSafeFileName(fileName: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\\/\u0000-\u001f\u007f]/.test(fileName)) return false;
  const trimmed = fileName.trim();
  return trimmed !== '' && trimmed !== '.' && !trimmed.startsWith('..');
}

/** The extension a file name ends with, lower case ('' when none). */
export function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  return match ? match[1]!.toLowerCase() : '';
}

/** Whether a file name's extension fits the detected type (jpeg/jpg alike); names without an extension fit anything. */
export function extensionMatches(fileName: string, type: FileType): boolean {
  const ext = extensionOf(fileName);
  if (ext === '') return true;
  if (type === JPEG) return ext === 'jpg' || ext === 'jpeg' || ext === 'jfif';
  return ext === type.extension;
}

/**
 * A file name safe to store and show: no path, no control characters, at most 120 characters,
 * and never empty.
 */
export function cleanFileName(fileName: string, type: FileType): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').replace(/\s+/g, ' ').trim();
  const name = cleaned.length > 0 && cleaned !== '.' && cleaned !== '..' ? cleaned : `file.${type.extension}`;
  if (name.length <= 120) return name;
  const ext = extensionOf(name);
  return ext ? `${name.slice(0, 119 - ext.length)}.${ext}` : name.slice(0, 120);
}

/**
 * A JPEG without its APPn metadata segments except JFIF (APP0) and the colour profile (APP2
 * ICC_PROFILE), and without comments; image data is untouched. Returns the input when the segment
 * structure is not what we expect, so an odd file is never damaged.
 */
function stripJpeg(bytes: Buffer): Buffer {
  const parts: Buffer[] = [bytes.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return bytes;
    const marker = bytes[i + 1]!;
    if (marker === 0xd9 || marker === 0xda) {
      // Start of scan (or end of image): the rest is image data.
      parts.push(bytes.subarray(i));
      return Buffer.concat(parts);
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      parts.push(bytes.subarray(i, i + 2));
      i += 2;
      continue;
    }
    const length = bytes.readUInt16BE(i + 2);
    if (length < 2 || i + 2 + length > bytes.length) return bytes;
    const segment = bytes.subarray(i, i + 2 + length);
    const isApp = marker >= 0xe1 && marker <= 0xef;
    const isIcc = marker === 0xe2 && segment.subarray(4, 16).toString('latin1') === 'ICC_PROFILE\u0000';
    const isComment = marker === 0xfe;
    if (!(isApp && !isIcc) && !isComment) parts.push(segment);
    i += 2 + length;
  }
  return bytes;
}

const PNG_METADATA_CHUNKS = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

/** A PNG without its text, time and EXIF chunks. Returns the input when the chunk structure is broken. */
function stripPng(bytes: Buffer): Buffer {
  const parts: Buffer[] = [bytes.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(i);
    const end = i + 12 + length;
    if (end > bytes.length) return bytes;
    const type = bytes.subarray(i + 4, i + 8).toString('latin1');
    if (!PNG_METADATA_CHUNKS.has(type)) parts.push(bytes.subarray(i, end));
    i = end;
    if (type === 'IEND') return Buffer.concat(parts);
  }
  return bytes;
}

/** The file with personal metadata removed where the format allows it without re-encoding. */
export function stripMetadata(bytes: Buffer, type: FileType): Buffer {
  if (type === JPEG) return stripJpeg(bytes);
  if (type === PNG) return stripPng(bytes);
  return bytes;
}
