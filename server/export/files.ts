/** Safe download names and `Content-Disposition` headers for exports. */

/** ASCII letters, digits and dashes only; Norwegian letters folded (æ→ae, ø→o, å→a). */
export function slug(text: string, fallback = 'workshop'): string {
  const folded = text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return folded || fallback;
}

export function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
}

export const CONTENT_TYPES = {
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
} as const;
export type ExportFormat = keyof typeof CONTENT_TYPES;

export interface ExportFile {
  body: Buffer;
  contentType: string;
  filename: string;
}
