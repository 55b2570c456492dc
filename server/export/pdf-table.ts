/**
 * Column widths and type size of a PDF table, chosen so that no word is broken mid-word: every
 * column is at least as wide as its widest word, the rest of the width goes to the columns with
 * the most text. When the widest words do not fit side by side, the text gets smaller (down to
 * 7 pt), then words are hyphenated by the document language's patterns (TeX's, through the
 * `hyphen` package: soft hyphens, which pdfkit turns into a hyphen only where it breaks a line),
 * then smaller still (down to 6.5 pt). Only when even that is too wide for the page (a long web
 * address, a dozen columns) is a syllable split between letters, still with a hyphen.
 */
import { createRequire } from 'node:module';
import type { HyphenationFunctionSync } from 'hyphen';

type Doc = PDFKit.PDFDocument;
export type PdfLanguage = 'nn' | 'nb' | 'en';

export const CELL_PADDING = 3;
const BORDER = 0.5;
/** Tried in order: plain, then hyphenated. */
const PLAIN_SIZES = [9, 8, 7];
const HYPHENATED_SIZES = [9, 8, 7, 6.5];
/** Words shorter than this are never hyphenated (and never need to be). */
const HYPHENATE = /\p{L}{6,}/gu;
const SHY = '\u00ad';
const SHY_ALL = /\u00ad/g;

// `hyphen` is CommonJS without an exports map: required, per language on first use.
const require = createRequire(import.meta.url);
const PATTERNS: Record<PdfLanguage, string> = { nn: 'hyphen/nn', nb: 'hyphen/nb', en: 'hyphen/en-gb' };
const hyphenators = new Map<PdfLanguage, HyphenationFunctionSync>();
/** The hyphenation of `lang` (soft hyphens by default; tests ask for a visible mark). */
export function hyphenator(lang: PdfLanguage): HyphenationFunctionSync {
  let h = hyphenators.get(lang);
  if (!h) hyphenators.set(lang, (h = (require(PATTERNS[lang]) as { hyphenateSync: HyphenationFunctionSync }).hyphenateSync));
  return h;
}

export interface FittedTable {
  size: number;
  widths: number[];
  header: string[];
  rows: string[][];
}

/** The pieces a line may break between: words, and parts of a word after a hyphen or soft hyphen. */
function pieces(text: string): string[] {
  return text.split(/\s+/).flatMap((w) => w.split(/(?<=[-\u00ad])(?=\p{L})/u)).filter(Boolean);
}

/**
 * What pdfkit counts after a word: it wraps a word together with the space or line break after
 * it (a line break measures wider than a space in DejaVu), and cuts a word whose width with it
 * exceeds the line.
 */
const after = (doc: Doc) => Math.max(doc.widthOfString(' '), doc.widthOfString('\n'));

/** Width of the widest unbreakable piece of `text`, with what follows it; a piece that ends in a soft hyphen gets its hyphen. */
function widestPiece(doc: Doc, text: string): number {
  let max = 0;
  for (const p of pieces(text)) max = Math.max(max, doc.widthOfString(p.endsWith(SHY) ? `${p.slice(0, -1)}-` : p));
  return max + after(doc);
}

function longestLine(doc: Doc, text: string): number {
  return doc.widthOfString(text.replace(SHY_ALL, ''));
}

/** Text widths scale with the type size: cells are measured once, at this size, then scaled. */
const REF = 10;

/** Each cell's widest piece (with what follows it) and whole width, at REF points, header first. */
function measureCells(doc: Doc, header: string[], rows: string[][]): { piece: number[][]; whole: number[][] } {
  const piece: number[][] = [];
  const whole: number[][] = [];
  const take = (font: string, cells: string[]) => {
    doc.font(font).fontSize(REF);
    piece.push(cells.map((t) => widestPiece(doc, t)));
    whole.push(cells.map((t) => longestLine(doc, t)));
  };
  take('bold', header);
  rows.forEach((r) => take('regular', r));
  return { piece, whole };
}

const EXTRA = 2 * CELL_PADDING + 2 * BORDER + 0.5;
const columnMax = (cells: number[][], size: number) => cells[0]!.map((_, c) => Math.max(...cells.map((r) => r[c]!)) * (size / REF) + EXTRA);

/** Every column its minimum; what is left, shared by how much more each would like (then evenly). */
function share(min: number[], want: number[], total: number): number[] {
  const left = total - min.reduce((a, b) => a + b, 0);
  const more = want.map((w, i) => Math.max(0, w - min[i]!));
  const moreSum = more.reduce((a, b) => a + b, 0);
  if (moreSum >= left) return min.map((m, i) => m + (moreSum ? (left * more[i]!) / moreSum : 0));
  const rest = (left - moreSum) / min.length;
  return min.map((m, i) => m + more[i]! + rest);
}

const points = (w: string) => w.split(SHY).length;
/** Names in an English charter are mostly Norwegian: a word gets English or Bokmål breaks, whichever finds more. */
function englishOrNorwegian(word: string): string {
  const en = hyphenator('en')(word);
  const nb = hyphenator('nb')(word);
  return points(nb) > points(en) ? nb : en;
}

function hyphenateCells(cells: string[], h: (word: string) => string): string[] {
  return cells.map((text) => text.replace(HYPHENATE, (word) => h(word)));
}

export function fitTable(doc: Doc, header: string[], rows: string[][], maxWidth: number, lang: PdfLanguage): FittedTable {
  const plain = measureCells(doc, header, rows);
  for (const size of PLAIN_SIZES) {
    const min = columnMax(plain.piece, size);
    if (sum(min) <= maxWidth) return { size, widths: share(min, columnMax(plain.whole, size), maxWidth), header, rows };
  }
  const h = lang === 'en' ? englishOrNorwegian : hyphenator(lang);
  const hHeader = hyphenateCells(header, h);
  const hRows = rows.map((r) => hyphenateCells(r, h));
  const hyph = measureCells(doc, hHeader, hRows);
  // At each size, columns keep their widest word whole up to a common cap, and only wider ones
  // are hyphenated; the size that hyphenates the fewest cells wins (the larger on a tie).
  let best: { size: number; widths: number[]; hyphenated: number } | null = null;
  for (const size of HYPHENATED_SIZES) {
    const hmin = columnMax(hyph.piece, size);
    if (sum(hmin) > maxWidth) continue;
    const pmin = columnMax(plain.piece, size);
    const capped = (cap: number) => pmin.map((p, c) => Math.max(hmin[c]!, Math.min(p, cap)));
    let [lo, hi] = [0, Math.max(...pmin)];
    for (let i = 0; i < 30; i++) {
      const mid = (lo + hi) / 2;
      if (sum(capped(mid)) <= maxWidth) lo = mid;
      else hi = mid;
    }
    const min = capped(lo);
    const hyphenated = plain.piece.reduce((n, r) => n + r.filter((w, c) => w * (size / REF) + EXTRA > min[c]! + 0.01).length, 0);
    if (!best || hyphenated < best.hyphenated) best = { size, widths: share(min, columnMax(plain.whole, size), maxWidth), hyphenated };
  }
  // Nothing fits even hyphenated at the smallest size: widths by the minimums (see breakCell).
  const size = best?.size ?? HYPHENATED_SIZES.at(-1)!;
  const widths = best?.widths ?? ((min) => min.map((m) => (m * maxWidth) / sum(min)))(columnMax(hyph.piece, size));
  const lay = (font: string) => (text: string, c: number) => breakCell(doc, text, widths[c]! - 2 * CELL_PADDING, font, size);
  return { size, widths, header: hHeader.map(lay('bold')), rows: hRows.map((r) => r.map(lay('regular'))) };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * A cell's text for pdfkit: as it was when its words fit the column (pdfkit wraps at spaces);
 * else broken into lines here, at spaces and at hyphenation points with a hyphen. pdfkit's own
 * soft-hyphen handling cannot be used in tables: it measures a hyphenated line without its
 * hyphen, and a table cell re-wraps its text at the measured width, so the text came out cut
 * short with an ellipsis.
 */
function breakCell(doc: Doc, text: string, width: number, font: string, size: number): string {
  doc.font(font).fontSize(size);
  const plain = text.replace(SHY_ALL, '');
  if (widestPiece(doc, plain) <= width) return plain;
  const lines: string[] = [];
  let line = '';
  const tail = after(doc);
  const fits = (s: string) => doc.widthOfString(s) + tail <= width;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const whole = word.replace(SHY_ALL, '');
    if (fits(line ? `${line} ${whole}` : whole)) {
      line = line ? `${line} ${whole}` : whole;
      continue;
    }
    // Syllables after syllables: as many as fit (with a hyphen) on this line, the rest on the next.
    let rest = word.split(SHY);
    while (rest.length) {
      const lead = line ? `${line} ` : '';
      let n = rest.length;
      while (n > 0 && !fits(`${lead}${rest.slice(0, n).join('')}${n < rest.length ? '-' : ''}`)) n--;
      if (n === 0 && !line) {
        // One syllable wider than the column (only when nothing else fits the page): as many
        // letters as fit, with a hyphen; pdfkit would cut it without one and leave an empty line.
        const syllable = rest[0]!;
        let k = syllable.length - 1;
        while (k > 1 && !fits(`${syllable.slice(0, k)}-`)) k--;
        lines.push(`${syllable.slice(0, k)}-`);
        rest[0] = syllable.slice(k);
        continue;
      }
      if (n === 0) {
        lines.push(line);
        line = '';
        continue;
      }
      const part = `${rest.slice(0, n).join('')}${n < rest.length ? '-' : ''}`;
      rest = rest.slice(n);
      if (rest.length) {
        lines.push(`${lead}${part}`);
        line = '';
      } else line = `${lead}${part}`;
    }
  }
  if (line) lines.push(line);
  // Every line fits with its line break (see `after`), so pdfkit keeps these lines as they are.
  return lines.join('\n');
}

/** Height of a row of `cells` in a fitted table (the tallest cell), for keeping a table's start with its heading. */
export function rowHeight(doc: Doc, cells: string[], t: FittedTable, font: string): number {
  doc.font(font).fontSize(t.size);
  return Math.max(...cells.map((text, c) => doc.heightOfString(text || ' ', { width: t.widths[c]! - 2 * CELL_PADDING - 2 * BORDER }))) + 2 * CELL_PADDING + 2 * BORDER;
}
