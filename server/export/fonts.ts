/** The embedded fonts of PDF and PNG exports: DejaVu (from npm), which covers æ, ø, å and more. */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONT_FILES = {
  regular: path.join(dir, 'DejaVuSans.ttf'),
  bold: path.join(dir, 'DejaVuSans-Bold.ttf'),
  italic: path.join(dir, 'DejaVuSans-Oblique.ttf'),
  boldItalic: path.join(dir, 'DejaVuSans-BoldOblique.ttf'),
  mono: path.join(dir, 'DejaVuSansMono.ttf'),
} as const;

export const FONT_FAMILY = 'DejaVu Sans';

export type FontName = keyof typeof FONT_FILES;

/**
 * The fonts parsed once per process (fontkit, the parser pdfkit uses), for PDF exports: pdfkit
 * then neither reads nor parses a font during an export, and the glyph metrics fontkit caches
 * serve every export after the first. Read-only after parsing; shared by every export.
 */
let parsed: Record<FontName, fontkit.Font> | null = null;
export function parsedFonts(): Record<FontName, fontkit.Font> {
  parsed ??= Object.fromEntries(
    Object.entries(FONT_FILES).map(([name, file]) => {
      const font = fontkit.openSync(file);
      if (!('layout' in font)) throw new Error(`${file} is a font collection`);
      return [name, font];
    }),
  ) as Record<FontName, fontkit.Font>;
  return parsed;
}
