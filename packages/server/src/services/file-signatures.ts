/**
 * Evidence file types as data: the content type each extension is served as, and the signature (magic
 * bytes) its content must start with, so that a renamed program or script is refused whatever its name says.
 */

/** One accepted evidence type. */
export interface AttachmentType {
  contentType: string;
  /** What the content must be, in the refusal's words ("PDF", "PNG" …). */
  kind: string;
  /** The bytes the file starts with, or 'text' for plain text (no NUL bytes unless UTF-16 with a BOM). */
  signature: readonly number[] | 'text';
  /** How far into the file the signature may start (PDF readers accept leading junk within 1024 bytes). */
  within?: number;
}

const PDF = { contentType: 'application/pdf', kind: 'PDF', signature: [0x25, 0x50, 0x44, 0x46, 0x2d], within: 1024 } as const satisfies AttachmentType;
const JPEG = { contentType: 'image/jpeg', kind: 'JPEG', signature: [0xff, 0xd8, 0xff] } as const satisfies AttachmentType;
const PNG = { contentType: 'image/png', kind: 'PNG', signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] } as const satisfies AttachmentType;
// Office Open XML files are ZIP archives.
const ZIP = [0x50, 0x4b, 0x03, 0x04] as const;

/** Evidence files accepted, by extension. */
export const ATTACHMENT_TYPES: Readonly<Record<string, AttachmentType>> = {
  '.pdf': PDF,
  '.jpg': JPEG,
  '.jpeg': JPEG,
  '.png': PNG,
  '.xlsx': { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', kind: 'XLSX (ZIP)', signature: ZIP },
  '.docx': { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', kind: 'DOCX (ZIP)', signature: ZIP },
  '.txt': { contentType: 'text/plain; charset=utf-8', kind: 'TXT', signature: 'text' },
  '.csv': { contentType: 'text/csv; charset=utf-8', kind: 'CSV', signature: 'text' },
};

function startsWithAt(bytes: Uint8Array, signature: readonly number[], at: number): boolean {
  return signature.every((b, i) => bytes[at + i] === b);
}

/** Whether the bytes are what the type says (by magic bytes, not by name). */
export function contentMatches(type: AttachmentType, bytes: Uint8Array): boolean {
  const { signature } = type;
  if (signature === 'text') return startsWithAt(bytes, [0xff, 0xfe], 0) || startsWithAt(bytes, [0xfe, 0xff], 0) || !bytes.includes(0);
  const last = Math.min(type.within ?? 0, bytes.length - signature.length);
  for (let at = 0; at <= last; at++) if (startsWithAt(bytes, signature, at)) return true;
  return false;
}
