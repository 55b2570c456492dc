/** The embedded fonts of PDF and PNG exports: DejaVu (from npm), which covers æ, ø, å and more. */
import { createRequire } from 'node:module';
import path from 'node:path';

const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONT_FILES = {
  regular: path.join(dir, 'DejaVuSans.ttf'),
  bold: path.join(dir, 'DejaVuSans-Bold.ttf'),
  italic: path.join(dir, 'DejaVuSans-Oblique.ttf'),
  boldItalic: path.join(dir, 'DejaVuSans-BoldOblique.ttf'),
  mono: path.join(dir, 'DejaVuSansMono.ttf'),
} as const;

export const FONT_FAMILY = 'DejaVu Sans';
