/**
 * DOCX with the `docx` package: real headings (Word's Heading 1–6 styles, so the navigation pane
 * and a table of contents work), numbered and bulleted lists, tables with repeating header rows,
 * the document language, and title and author in the core properties.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { Block, Inline } from '../../shared/export/charter-export.js';
import type { DocNode } from './charter-layout.js';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
const LANG = { nn: 'nn-NO', nb: 'nb-NO', en: 'en-GB' } as const;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '888888' };

function runs(content: Inline[]): ParagraphChild[] {
  return content.map((i) => {
    const parts = i.text.split('\n');
    const children = parts.map((text, k) => new TextRun({ text, bold: i.bold, italics: i.italic, break: k > 0 ? 1 : undefined, style: i.href ? 'Hyperlink' : undefined }));
    return i.href ? new ExternalHyperlink({ link: i.href, children }) : children;
  }).flat();
}

function paragraphs(node: DocNode, ctx: { level: number; quote: boolean; lists: { next: () => string } }): (Paragraph | Table)[] {
  switch (node.type) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[node.level - 1], children: runs(node.content) })];
    case 'paragraph':
      return [new Paragraph({ children: runs(node.content), style: ctx.quote ? 'Quote' : undefined, indent: ctx.quote ? { left: 567 } : undefined })];
    case 'quote':
      return node.blocks.flatMap((b) => paragraphs(b, { ...ctx, quote: true }));
    case 'list': {
      const reference = node.ordered ? ctx.lists.next() : 'bullets';
      return node.items.flatMap((item) =>
        item.flatMap((b: Block, k) => {
          if (b.type === 'list') return paragraphs(b, { ...ctx, level: Math.min(ctx.level + 1, 8) });
          if (b.type !== 'paragraph' && b.type !== 'heading') return paragraphs(b, ctx);
          return [new Paragraph({ children: runs(b.content), numbering: k === 0 ? { reference, level: ctx.level } : undefined, indent: k === 0 ? undefined : { left: 720 * (ctx.level + 1) } })];
        }),
      );
    }
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
          rows: [
            new TableRow({ tableHeader: true, children: node.header.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: c, bold: true })] })] })) }),
            ...node.rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun(c)] })] })) })),
          ],
        }),
        new Paragraph({}),
      ];
    case 'mono':
      return [new Paragraph({ children: [new TextRun({ text: node.text, font: 'Consolas' })] })];
  }
}

export async function renderDocx(nodes: DocNode[], meta: { title: string; author: string; language: keyof typeof LANG }): Promise<Buffer> {
  let ordered = 0;
  const refs: string[] = [];
  const lists = {
    next: () => {
      const ref = `ordered-${++ordered}`;
      refs.push(ref);
      return ref;
    },
  };
  const body = nodes.flatMap((n) => paragraphs(n, { level: 0, quote: false, lists }));
  const level = (i: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
    level: i,
    format,
    text,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 720 * (i + 1), hanging: 360 } } },
  });
  const doc = new Document({
    title: meta.title,
    creator: meta.author,
    lastModifiedBy: meta.author,
    description: meta.title,
    styles: { default: { document: { run: { language: { value: LANG[meta.language] }, font: 'Calibri' } } } },
    numbering: {
      config: [
        { reference: 'bullets', levels: Array.from({ length: 9 }, (_, i) => level(i, LevelFormat.BULLET, i % 2 ? '◦' : '•')) },
        ...refs.map((reference) => ({ reference, levels: Array.from({ length: 9 }, (_, i) => level(i, LevelFormat.DECIMAL, `%${i + 1}.`)) })),
      ],
    },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
