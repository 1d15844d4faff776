/**
 * What an uploaded file is, decided by its first bytes only (SEC-30): the name and the declared type are
 * the sender's claims, and an .exe renamed .pdf must not pass. The name survives only as display text.
 */

/** Media types the portal can accept, with their magic bytes and the extension a download gets. */
export const FILE_TYPES = {
  'application/pdf': { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], ext: ['.pdf'] }, // %PDF-
  'image/jpeg': { magic: [0xff, 0xd8, 0xff], ext: ['.jpg', '.jpeg'] },
  'image/png': { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], ext: ['.png'] },
} as const;

/** A media type the portal knows how to recognise. */
export type UploadMediaType = keyof typeof FILE_TYPES;

/** The media type of the bytes among the allowed ones, or undefined (unknown, or known but not allowed). */
export function sniff(bytes: Uint8Array, allowed: readonly UploadMediaType[]): UploadMediaType | undefined {
  return allowed.find((type) => {
    const magic = FILE_TYPES[type]?.magic;
    return magic !== undefined && bytes.byteLength >= magic.length && magic.every((b, i) => bytes[i] === b);
  });
}

// Characters that mean something to file systems, shells or header syntax; control characters and bidi overrides
// (a name like "gnp.exe" shown reversed as "exe.png") never reach a caseworker's screen.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The display name: the last path segment of the claimed name, without unsafe characters, at most 120
 * characters, ending in the extension of the detected type (a PDF called `x.exe` is shown as `x.exe.pdf`).
 */
export function displayName(claimed: string, type: UploadMediaType): string {
  const last = claimed.split(/[\\/]/).pop() ?? '';
  let name = last.normalize('NFC').replace(UNSAFE, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  const exts: readonly string[] = FILE_TYPES[type].ext;
  if (!exts.some((e) => name.toLowerCase().endsWith(e))) name = `${name || 'Nachweis'}${exts[0]}`;
  if (name.length > 120) {
    const ext = exts.find((e) => name.toLowerCase().endsWith(e)) ?? '';
    name = `${[...name.slice(0, name.length - ext.length)].slice(0, 120 - ext.length).join('')}${ext}`;
  }
  return name;
}

/** Content-Disposition for a download: attachment, an ASCII fallback name and the UTF-8 name (RFC 6266/8187). */
export function attachmentHeader(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\;%]/g, '_').trim() || 'Nachweis';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
