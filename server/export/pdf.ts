/**
 * PDF on the server with pdfkit (no browser), tagged for assistive technology (PDF/UA-1): a
 * structure tree in reading order (headings H1–H6, paragraphs, lists with labels and bodies,
 * block quotes, tables with header cells, the actor map as a figure with its text alternative,
 * links), the document language and title set and shown, DejaVu embedded (Norwegian letters and
 * more), every heading an entry of the PDF outline (nested by level).
 *
 * Layout rules for a document people sign: a heading always has what follows it on the same page
 * (keep with next, through runs of headings), a table's header row has its first row with it,
 * and table columns are fitted so no word is broken mid-word (pdf-table.ts).
 */
import PDFDocument from 'pdfkit';
import type { Inline } from '../../shared/export/charter-export.js';
import type { DocNode } from './charter-layout.js';
import { parsedFonts } from './fonts.js';
import { CELL_PADDING, fitTable, rowHeight, type FittedTable, type PdfLanguage } from './pdf-table.js';

const LANG = { nn: 'nn-NO', nb: 'nb-NO', en: 'en-GB' } as const;
const SIZES = [20, 16, 13.5, 12, 11, 10.5];
const BODY = 10.5;
/** Nested quotes and lists indent no further: the text keeps at least half the page width. */
const MAX_INDENT = 240;

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
type TableNode = Extract<DocNode, { type: 'table' }>;

interface Ctx {
  doc: Doc;
  outline: Outline;
  lang: PdfLanguage;
  /** Each table fitted once: for keeping it with its heading, then for drawing it. */
  fitted: WeakMap<TableNode, FittedTable>;
}

function fontFor(i: Inline): string {
  return i.bold && i.italic ? 'boldItalic' : i.bold ? 'bold' : i.italic ? 'italic' : 'regular';
}

const textWidth = (doc: Doc, indent: number) => doc.page.width - doc.page.margins.left - doc.page.margins.right - indent;

/** One block of text (paragraph or heading) as one structure element; links as Link elements inside it. */
function textBlock(ctx: Ctx, parent: Struct, type: string, content: Inline[], opts: { indent: number; size: number }): void {
  const { doc } = ctx;
  const parts = content.filter((i) => i.text !== '');
  if (!parts.length) return;
  const write = (i: Inline, k: number) => () => {
    doc.font(fontFor(i)).fontSize(opts.size).fillColor(i.href ? '#1a4fa0' : 'black');
    doc.text(i.text, doc.page.margins.left + opts.indent, undefined, {
      continued: k < parts.length - 1,
      link: i.href ?? undefined,
      underline: Boolean(i.href),
      width: textWidth(doc, opts.indent),
    });
  };
  parent.add(doc.struct(type, {}, parts.map((i, k) => (i.href ? doc.struct('Link', {}, write(i, k)) : write(i, k)))));
  doc.fillColor('black');
}

class Outline {
  private stack: { level: number; item: PDFKit.PDFOutline }[] = [];
  constructor(private readonly root: PDFKit.PDFOutline) {}
  add(level: number, title: string): void {
    while (this.stack.length && this.stack[this.stack.length - 1]!.level >= level) this.stack.pop();
    const parent = this.stack[this.stack.length - 1]?.item ?? this.root;
    this.stack.push({ level, item: parent.addItem(title, { expanded: level <= 2 }) });
  }
}

function fitted(ctx: Ctx, node: TableNode, indent: number): FittedTable {
  let t = ctx.fitted.get(node);
  if (!t) ctx.fitted.set(node, (t = fitTable(ctx.doc, node.header, node.rows, textWidth(ctx.doc, indent), ctx.lang)));
  return t;
}

const plainText = (content: Inline[]) => content.map((i) => i.text).join('');
const headingGap = (level: number) => (level <= 2 ? 0.8 : 0.5);

/**
 * The least of `nodes[i]` that must share a page with a heading before it: a heading (with what
 * it must keep), two lines of a paragraph, a list's first line, a table's header and first row,
 * a whole picture.
 */
function lead(ctx: Ctx, nodes: readonly DocNode[], i: number, indent: number, depth = 0): number {
  const { doc } = ctx;
  const node = nodes[i];
  if (!node || depth > 8) return 0;
  switch (node.type) {
    case 'heading': {
      const size = SIZES[node.level - 1] ?? BODY;
      doc.font('bold').fontSize(size);
      const own = doc.heightOfString(plainText(node.content) || ' ', { width: textWidth(doc, indent) }) + (headingGap(node.level) + 0.3) * doc.currentLineHeight(true);
      return own + lead(ctx, nodes, i + 1, indent, depth + 1);
    }
    case 'paragraph': {
      doc.font('regular').fontSize(BODY);
      return Math.min(doc.heightOfString(plainText(node.content) || ' ', { width: textWidth(doc, indent) }), 2 * doc.currentLineHeight(true));
    }
    case 'list':
      return lead(ctx, node.items[0] ?? [], 0, Math.min(indent + 20, MAX_INDENT), depth + 1) || doc.font('regular').fontSize(BODY).currentLineHeight(true);
    case 'quote':
      return lead(ctx, node.blocks, 0, Math.min(indent + 14, MAX_INDENT), depth + 1);
    case 'table': {
      const t = fitted(ctx, node, indent);
      return rowHeight(doc, t.header, t, 'bold') + (t.rows[0] ? rowHeight(doc, t.rows[0], t, 'regular') : 0);
    }
    case 'mono':
      return doc.font('mono').fontSize(9).currentLineHeight(true);
    case 'image':
      return imageSize(doc, node, indent).height;
  }
}

/** A new page unless `need` points fit below; never twice in a row (something taller than a page starts at the top). */
function keep(doc: Doc, need: number): void {
  if (doc.y + need > doc.page.maxY() && doc.y > doc.page.margins.top + 1) doc.addPage();
}

function imageSize(doc: Doc, node: Extract<DocNode, { type: 'image' }>, indent: number): { width: number; height: number } {
  const scale = Math.min(1, textWidth(doc, indent) / node.width, 400 / node.height);
  return { width: node.width * scale, height: node.height * scale };
}

function renderTable(ctx: Ctx, parent: Struct, node: TableNode, indent: number): void {
  const { doc } = ctx;
  const t = fitted(ctx, node, indent);
  keep(doc, lead(ctx, [node], 0, indent));
  doc.font('regular').fontSize(t.size);
  doc.table({
    structParent: parent,
    position: { x: doc.page.margins.left + indent },
    maxWidth: textWidth(doc, indent),
    columnStyles: t.widths.map((width) => ({ width })),
    defaultStyle: { padding: CELL_PADDING, border: 0.5, borderColor: '#888888' },
    data: [
      t.header.map((text) => ({ text, type: 'TH' as const, scope: 'Column' as const, font: { src: 'bold', family: 'bold' }, backgroundColor: '#eeeeee' })),
      ...t.rows.map((r) => r.map((text) => ({ text }))),
    ],
  });
  doc.moveDown(0.6);
}

function renderBlocks(ctx: Ctx, parent: Struct, nodes: readonly DocNode[], indent: number): void {
  nodes.forEach((node, i) => renderNode(ctx, parent, nodes, i, node, indent));
}

function renderNode(ctx: Ctx, parent: Struct, nodes: readonly DocNode[], i: number, node: DocNode, indent: number): void {
  const { doc } = ctx;
  switch (node.type) {
    case 'heading': {
      const size = SIZES[node.level - 1] ?? BODY;
      keep(doc, lead(ctx, nodes, i, indent));
      doc.font('bold').fontSize(size).moveDown(headingGap(node.level));
      ctx.outline.add(node.level, plainText(node.content));
      textBlock(ctx, parent, `H${Math.min(6, Math.max(1, node.level))}`, node.content.map((x) => ({ ...x, bold: true })), { indent, size });
      doc.moveDown(0.3);
      return;
    }
    case 'paragraph':
      textBlock(ctx, parent, 'P', node.content, { indent, size: BODY });
      doc.moveDown(0.4);
      return;
    case 'quote': {
      const quote = doc.struct('BlockQuote');
      parent.add(quote);
      const top = doc.y;
      const startPage = doc.page;
      renderBlocks(ctx, quote, node.blocks, Math.min(indent + 14, MAX_INDENT));
      quote.end();
      // The rule beside the quote is decoration; drawn only when the quote stayed on one page.
      if (doc.page === startPage) {
        const x = doc.page.margins.left + indent + 4;
        doc.markContent('Artifact', { type: 'Layout' });
        doc.save().moveTo(x, top).lineTo(x, Math.max(top, doc.y - 6)).lineWidth(2).strokeColor('#999999').stroke().restore();
        doc.endMarkedContent();
      }
      return;
    }
    case 'list': {
      const list = doc.struct('L');
      parent.add(list);
      node.items.forEach((item, n) => {
        const li = doc.struct('LI');
        list.add(li);
        keep(doc, doc.font('regular').fontSize(BODY).currentLineHeight(true) * 1.2);
        const y = doc.y;
        li.add(doc.struct('Lbl', {}, () => doc.font('regular').fontSize(BODY).text(node.ordered ? `${n + 1}. ` : '• ', doc.page.margins.left + indent, y, { width: 18, lineBreak: false })));
        doc.y = y;
        const body = doc.struct('LBody');
        li.add(body);
        renderBlocks(ctx, body, item, Math.min(indent + 20, MAX_INDENT));
        body.end();
        li.end();
      });
      list.end();
      doc.moveDown(0.2);
      return;
    }
    case 'table':
      renderTable(ctx, parent, node, indent);
      return;
    case 'mono':
      parent.add(doc.struct('P', {}, [doc.struct('Code', {}, () => doc.font('mono').fontSize(9).text(node.text, doc.page.margins.left + indent))]));
      doc.moveDown(0.4);
      return;
    case 'image': {
      const { width, height } = imageSize(doc, node, indent);
      keep(doc, height);
      const x = doc.page.margins.left + indent;
      const y = doc.y;
      parent.add(doc.struct('Figure', { alt: node.alt, bbox: [x, y, x + width, y + height] }, () => doc.image(node.png, x, y, { width, height })));
      doc.y = y + height;
      doc.moveDown(0.6);
    }
  }
}

export function renderPdf(nodes: DocNode[], meta: { title: string; author: string; language: keyof typeof LANG }): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: LANG[meta.language],
    displayTitle: true,
    pdfVersion: '1.7',
    // PDF/UA-1 (pdfkit writes its identification); @types/pdfkit lists only the PDF/A subsets.
    subset: 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets,
    tagged: true,
    info: { Title: meta.title, Author: meta.author, Creator: 'Samskap', Producer: 'Samskap' },
    autoFirstPage: true,
    bufferPages: false,
  });
  // Registered as parsed fonts under a family name: pdfkit's table puts the font back after
  // every cell by its source and family, and finds it in its cache only by a family name (given
  // a path it re-read and re-parsed the font file for each cell: most of an export's time).
  // The types say a path or bytes; pdfkit takes a fontkit font too (font_factory.js).
  for (const [name, font] of Object.entries(parsedFonts())) doc.registerFont(name, font as unknown as PDFKit.Mixins.PDFFontSource, name);
  doc.font('regular');
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const ctx: Ctx = { doc, outline: new Outline(doc.outline), lang: meta.language, fitted: new WeakMap() };
  renderBlocks(ctx, root, nodes, 0);
  root.end();
  doc.end();
  return done;
}
