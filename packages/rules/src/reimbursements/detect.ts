import type { ALLOWED_UPLOAD_TYPES } from './schema.js';

/**
 * The file type from its first bytes, so a renamed executable is not accepted as a "pdf".
 * PDF `%PDF-`, PNG `89 50 4E 47 0D 0A 1A 0A`, JPEG `FF D8 FF`.
 */
export function detectUploadType(bytes: Uint8Array): keyof typeof ALLOWED_UPLOAD_TYPES | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpg';
  return null;
}
