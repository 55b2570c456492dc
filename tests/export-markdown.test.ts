/**
 * The Markdown export read back by a CommonMark parser (mdast-util-from-markdown with GFM
 * tables), as a reader's software would: user text in every block it can sit in (paragraph,
 * heading, list item, nested list item, quote, table cell) comes back as one text node equal to
 * what was written, and prose punctuation is never escaped. See markdown.ts for what Markdown
 * cannot carry (line breaks in headings and cells, blanks around a cell).
 */
import type { Nodes, Parent, PhrasingContent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { describe, expect, it } from 'vitest';
import type { Block, Inline } from '../shared/export/charter-export.js';
import type { DocNode } from '../server/export/charter-layout.js';
import { renderMarkdown } from '../server/export/markdown.js';
import { plain } from '../server/export/plain-text.js';
import { HOSTILE } from './helpers/hostile.js';

const parse = (md: string): Root => fromMarkdown(md, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });

const CORPUS = [
  '# not a heading',
  '1. not a list',
  '1) not a list either',
  '- dash',
  '* star',
  '+',
  '+ plus item',
  '> not a quote',
  'a | b',
  '|',
  '*x*',
  '_x_',
  '**x**',
  '<b>',
  '<!-- c -->',
  '[x](y)',
  '![x](y)',
  '[x]: y',
  '`code`',
  '``',
  'Ola, Kari: (NAV). 3-4',
  '\\',
  'a\\',
  'trailing spaces  ',
  '  leading spaces',
  '\tleading tab',
  '    indented code?',
  '=== ',
  '===',
  '---',
  '***',
  '~~~',
  '```',
  '~~struck~~',
  'a &amp; b &#65; c',
  'https://example.org/x_y_',
  '#',
  '#hashtag',
  'ends with #',
  ' ',
  'æøå ÆØÅ — «sitat»',
  // As the layout hands them over: control and bidi characters already removed (plain-text.ts).
  ...HOSTILE.map(plain),
];
/** Multi-line text: a line break is a hard line break in paragraphs, a space in headings and cells. */
const MULTILINE = ['line1\nline2', 'x\n# h', 'x\n- y', 'x\n1. y', 'x\n===', 'x\n---', 'a  \nb', 'a\n  b', 'x\n\ny', 'x\n\\', 'x\n> y', 'x\n|a|b|'];

/** Text and hard breaks of a paragraph, read as a string (a break is '\n'); fails on any other node. */
function lineText(children: PhrasingContent[]): string {
  return children
    .map((n) => {
      if (n.type === 'text') return n.value;
      if (n.type === 'break') return '\n';
      throw new Error(`unexpected ${n.type} node`);
    })
    .join('');
}

type Context = { name: string; wrap: (text: string) => DocNode[]; find: (root: Root) => Parent; expected: (text: string) => string };

const para = (text: string): Block => ({ type: 'paragraph', content: [{ text }] });
/** `n`, which must be of `type` (and have children). */
const only = (n: Nodes | undefined, type: Nodes['type']): Parent => {
  expect(n?.type).toBe(type);
  return n as Parent;
};
const dropEdgeBreaks = (s: string) => s.replace(/^\n+|\n+$/g, '');
const cellText = (s: string) => s.replace(/[ \t]*\n[ \t]*/g, ' ').trim();

const CONTEXTS: Context[] = [
  { name: 'paragraph', wrap: (t) => [para(t)], find: (r) => only(r.children[0], 'paragraph'), expected: dropEdgeBreaks },
  { name: 'heading', wrap: (t) => [{ type: 'heading', level: 3, content: [{ text: t }] }], find: (r) => only(r.children[0], 'heading'), expected: (s) => s.replace(/[ \t]*\n[ \t]*/g, ' ') },
  {
    name: 'list item',
    wrap: (t) => [{ type: 'list', ordered: true, items: [[para('first')], [para(t)]] }],
    find: (r) => only(only(only(r.children[0], 'list').children[1], 'listItem').children[0], 'paragraph'),
    expected: dropEdgeBreaks,
  },
  {
    name: 'nested list item',
    wrap: (t) => [{ type: 'list', ordered: false, items: [[para('outer'), { type: 'list', ordered: true, items: [[para(t)]] }]] }],
    find: (r) => {
      const outer = only(only(r.children[0], 'list').children[0], 'listItem');
      return only(only(only(outer.children[1], 'list').children[0], 'listItem').children[0], 'paragraph');
    },
    expected: dropEdgeBreaks,
  },
  {
    name: 'quote',
    wrap: (t) => [{ type: 'quote', blocks: [para('before'), para(t)] }],
    find: (r) => only(only(r.children[0], 'blockquote').children[1], 'paragraph'),
    expected: dropEdgeBreaks,
  },
  {
    name: 'table cell',
    wrap: (t) => [{ type: 'table', header: ['Name', 'Note'], rows: [['left', t], [t, 'right']] }],
    find: (r) => only(only(only(r.children[0], 'table').children[1], 'tableRow').children[1], 'tableCell'),
    expected: cellText,
  },
];

describe('Markdown export read back by a CommonMark parser', () => {
  for (const c of CONTEXTS) {
    it(`user text in a ${c.name} is one text node equal to it`, () => {
      for (const text of [...CORPUS, ...MULTILINE]) {
        const md = renderMarkdown(c.wrap(text));
        const root = parse(md);
        const where = `${JSON.stringify(text)} → ${JSON.stringify(md)}`;
        // Nothing but the block written: no stray heading, list, rule, code block or HTML.
        expect(root.children, where).toHaveLength(1);
        const node = c.find(root);
        const expected = c.expected(text);
        const children = node.children as PhrasingContent[];
        expect(lineText(children), where).toBe(expected);
        // One text node per line (no escape left visible, nothing split into other nodes).
        expect(children.filter((n) => n.type === 'text'), where).toHaveLength(expected.split('\n').filter(Boolean).length);
        if (c.name === 'table cell') {
          const row = (root.children[0] as Parent).children[2] as Parent;
          expect(lineText((row.children[0] as Parent).children as PhrasingContent[]), where).toBe(expected);
          expect(row.children, where).toHaveLength(2); // a pipe in the text did not add a column
        }
      }
    });
  }

  it('never escapes , : ( ) . - in the middle of a line, in any block', () => {
    for (const c of CONTEXTS) {
      expect(renderMarkdown(c.wrap('Ola, Kari: (NAV). 3-4')), c.name).toContain('Ola, Kari: (NAV). 3-4');
      for (const text of CORPUS) {
        const md = renderMarkdown(c.wrap(`Ord ${text}`));
        expect(md, `${c.name}: ${JSON.stringify(md)}`).not.toMatch(/\\[,:().-]/);
      }
    }
  });

  it('inlines: bold, italic, links and hard line breaks keep their shape and text', () => {
    const content: Inline[] = [
      { text: 'Plain, ' },
      { text: 'bold', bold: true },
      { text: ' and ', bold: true },
      { text: 'both', bold: true, italic: true },
      { text: ' then ' },
      { text: '*italic*', italic: true },
      { text: ' ' },
      { text: 'a [link] (x)', href: 'https://example.org/a b?c=(1)' },
      { text: '   ', bold: true },
      { text: '\nnext line' },
    ];
    const md = renderMarkdown([{ type: 'paragraph', content }]);
    const p = parse(md).children[0] as Parent;
    const shape = (n: Nodes): unknown =>
      'value' in n ? [n.type, n.value] : n.type === 'link' ? [n.type, n.url, n.children.map(shape)] : 'children' in n ? [n.type, n.children.map(shape)] : [n.type];
    expect(p.children.map((n) => shape(n as Nodes)), md).toEqual([
      ['text', 'Plain, '],
      ['strong', [['text', 'bold and '], ['emphasis', [['text', 'both']]]]],
      ['text', ' then '],
      ['emphasis', [['text', '*italic*']]],
      ['text', ' '],
      ['link', 'https://example.org/a b?c=(1)', [['text', 'a [link] (x)']]],
      ['text', '   '],
      ['break'],
      ['text', 'next line'],
    ]);
  });

  it('every node type: headings, lists nested in quotes, tables with pipes and line breaks, mono, no picture', () => {
    const nodes: DocNode[] = [
      { type: 'heading', level: 1, content: [{ text: 'Avtale: NAV, Bergen (2026)' }] },
      { type: 'paragraph', content: [{ text: 'Intro.' }] },
      { type: 'image', png: Buffer.from('not shown'), width: 10, height: 10, alt: 'PICTURE-ALT' },
      { type: 'quote', blocks: [para('Sitat'), { type: 'list', ordered: true, items: [[para('a')], [para('b'), { type: 'list', ordered: false, items: [[para('c')]] }]] }] },
      { type: 'list', ordered: false, items: [[para('one')], []] },
      { type: 'list', ordered: false, items: [[para('another list')]] },
      { type: 'table', header: ['A | B', 'C'], rows: [['x | y', 'line1\nline2'], ['short']] },
      { type: 'paragraph', content: [{ text: 'Hash:' }] },
      { type: 'mono', text: 'ab`cd' },
      { type: 'heading', level: 9, content: [{ text: 'Deep' }] },
    ];
    const md = renderMarkdown(nodes);
    expect(md).not.toContain('PICTURE-ALT');
    const root = parse(md);
    expect(root.children.map((n) => n.type)).toEqual(['heading', 'paragraph', 'blockquote', 'list', 'list', 'table', 'paragraph', 'paragraph', 'heading']);
    expect(root.children[0]).toMatchObject({ depth: 1, children: [{ type: 'text', value: 'Avtale: NAV, Bergen (2026)' }] });
    const quote = root.children[2] as Parent;
    expect(quote.children.map((n) => n.type)).toEqual(['paragraph', 'list']);
    const inner = ((quote.children[1] as Parent).children[1] as Parent).children[1];
    expect(inner).toMatchObject({ type: 'list', ordered: false, children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'c' }] }] }] });
    expect((root.children[3] as Parent).children).toHaveLength(2); // the empty item stays an item; the next list stays apart
    const table = root.children[5] as Parent;
    const texts = table.children.map((row) => (row as Parent).children.map((c) => lineText((c as Parent).children as PhrasingContent[])));
    expect(texts).toEqual([['A | B', 'C'], ['x | y', 'line1 line2'], ['short', '']]);
    expect(root.children[7]).toMatchObject({ children: [{ type: 'inlineCode', value: 'ab`cd' }] });
    expect(root.children[8]).toMatchObject({ depth: 6 });
  });

  it('reads as plain text: ordinary prose comes out as written', () => {
    const md = renderMarkdown([
      { type: 'heading', level: 2, content: [{ text: 'Styring' }] },
      { type: 'paragraph', content: [{ text: 'Ola Nordmann (NAV), Kari: 3-4 møte i året. Sjå punkt 2.1, 2.2.' }] },
      { type: 'table', header: ['Frå', 'Til'], rows: [['NAV', 'Bergen kommune']] },
    ]);
    expect(md).toBe('## Styring\n\nOla Nordmann (NAV), Kari: 3-4 møte i året. Sjå punkt 2.1, 2.2.\n\n| Frå | Til |\n| --- | --- |\n| NAV | Bergen kommune |\n');
  });
});
