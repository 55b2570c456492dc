/**
 * The width a line of text takes in the embedded regular DejaVu Sans, from the font's own
 * advance widths (read by pdfkit, a dependency already), so a picture can fit a box to its text
 * exactly as resvg will draw it. The font file is parsed once, on the first call (~20 ms).
 */
import PDFDocument from 'pdfkit';
import { FONT_FILES } from './fonts.js';

let metrics: PDFKit.PDFDocument | null = null;

export function textWidth(text: string, size: number): number {
  metrics ??= new PDFDocument({ autoFirstPage: false }).font(FONT_FILES.regular);
  return metrics.fontSize(size).widthOfString(text);
}

/** Above and below the baseline, as parts of the font size (DejaVu Sans's ascender and descender). */
export const ASCENT = 0.928;
export const DESCENT = 0.236;
