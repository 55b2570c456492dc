/**
 * User text on its way into an export: control characters (but line breaks and tabs) and
 * bidirectional overrides and isolates are removed, so no text can hide or reorder what is
 * around it. Everything else is kept as written; each format escapes it its own way.
 */
// C0/C1 controls except \t and \n; bidi embeddings, overrides and isolates; the BOM.
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function plain(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(HIDDEN, '');
}

/** One line: line breaks become spaces (table cells, headings, titles). */
export function oneLine(text: string): string {
  return plain(text).replace(/\s*\n\s*/g, ' ').trim();
}
