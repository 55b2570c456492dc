/**
 * PDF on the server with pdfkit (no browser): DejaVu embedded (Norwegian letters and more),
 * every heading an entry of the PDF outline (nested by level), the document language and title
 * set and the title shown in the viewer's title bar, tables with a header row.
 */
import PDFDocument from 'pdfkit';
import type { Block, Inline } from '../../shared/export/charter-export.js';
import type { DocNode } from './charter-layout.js';
import { FONT_FILES } from './fonts.js';

const LANG = { nn: 'nn-NO', nb: 'nb-NO', en: 'en-GB' } as const;
const SIZES = [20, 16, 13.5, 12, 11, 10.5];
const BODY = 10.5;
/** Nested quotes and lists indent no further: the text keeps at least half the page width. */
const MAX_INDENT = 240;

type Doc = PDFKit.PDFDocument;

function fontFor(i: Inline): string {
  return i.bold && i.italic ? 'boldItalic' : i.bold ? 'bold' : i.italic ? 'italic' : 'regular';
}

function writeInlines(doc: Doc, content: Inline[], opts: { indent: number; size: number }): void {
  const parts = content.filter((i) => i.text !== '');
  if (!parts.length) return;
  doc.fontSize(opts.size);
  parts.forEach((i, k) => {
    doc.font(fontFor(i)).fillColor(i.href ? '#1a4fa0' : 'black');
    doc.text(i.text, doc.page.margins.left + opts.indent, undefined, {
      continued: k < parts.length - 1,
      link: i.href ?? undefined,
      underline: Boolean(i.href),
      width: doc.page.width - doc.page.margins.left - doc.page.margins.right - opts.indent,
    });
  });
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

function render(doc: Doc, node: DocNode, outline: Outline, indent: number): void {
  switch (node.type) {
    case 'heading': {
      const size = SIZES[node.level - 1] ?? BODY;
      if (doc.y > doc.page.height - doc.page.margins.bottom - 4 * size) doc.addPage();
      doc.moveDown(node.level <= 2 ? 0.8 : 0.5);
      outline.add(node.level, node.content.map((i) => i.text).join(''));
      writeInlines(doc, node.content.map((i) => ({ ...i, bold: true })), { indent, size });
      doc.moveDown(0.3);
      return;
    }
    case 'paragraph':
      writeInlines(doc, node.content, { indent, size: BODY });
      doc.moveDown(0.4);
      return;
    case 'quote': {
      const top = doc.y;
      node.blocks.forEach((b) => render(doc, b, outline, Math.min(indent + 14, MAX_INDENT)));
      doc.save().moveTo(doc.page.margins.left + indent + 4, top).lineTo(doc.page.margins.left + indent + 4, Math.max(top, doc.y - 6)).lineWidth(2).strokeColor('#999999').stroke().restore();
      return;
    }
    case 'list':
      node.items.forEach((item, n) => {
        const marker = node.ordered ? `${n + 1}.` : '•';
        doc.font('regular').fontSize(BODY).text(marker, doc.page.margins.left + indent, doc.y, { width: 18, lineBreak: false });
        doc.moveUp();
        item.forEach((b: Block) => render(doc, b, outline, Math.min(indent + 20, MAX_INDENT)));
      });
      doc.moveDown(0.2);
      return;
    case 'table': {
      doc.font('regular').fontSize(9);
      doc.table({
        position: { x: doc.page.margins.left + indent },
        maxWidth: doc.page.width - doc.page.margins.left - doc.page.margins.right - indent,
        defaultStyle: { padding: 3, border: 0.5, borderColor: '#888888' },
        data: [node.header.map((text) => ({ text, type: 'TH' as const, font: { src: 'bold' }, backgroundColor: '#eeeeee' })), ...node.rows.map((r) => r.map((text) => ({ text })))],
      });
      doc.moveDown(0.6);
      return;
    }
    case 'mono':
      doc.font('mono').fontSize(9).text(node.text, doc.page.margins.left + indent);
      doc.moveDown(0.4);
      return;
    case 'image': {
      const maxW = doc.page.width - doc.page.margins.left - doc.page.margins.right - indent;
      const scale = Math.min(1, maxW / node.width, 400 / node.height);
      const h = node.height * scale;
      if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
      doc.image(node.png, doc.page.margins.left + indent, doc.y, { width: node.width * scale, height: h });
      doc.y += h;
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
    info: { Title: meta.title, Author: meta.author, Creator: 'Samskap', Producer: 'Samskap' },
    autoFirstPage: true,
    bufferPages: false,
  });
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, file);
  doc.font('regular');
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const outline = new Outline(doc.outline);
  for (const node of nodes) render(doc, node, outline, 0);
  doc.end();
  return done;
}
