/**
 * GitHub-flavoured Markdown that reads as plain text. The document nodes become an mdast tree
 * (user text only ever in `text` nodes) and mdast-util-to-markdown writes it: it escapes a
 * character only where it would otherwise start syntax (a `#` or `1.` at a line start, `*`, `_`,
 * `[`, `<` before a tag, a `|` in a table cell), so prose punctuation (`, : ( ) . -` mid-line)
 * stays as typed, and a CommonMark parser reads each piece of user text back as one text node
 * equal to it. Where Markdown cannot carry the text as it is:
 * - a line break inside a paragraph, quote or list item is a hard line break (`\` at the line's
 *   end); line breaks at a paragraph's start or end are dropped (Markdown has no empty lines there);
 * - a heading is one line: its line breaks become spaces;
 * - a table cell is one line with no surrounding white space (GFM trims cells): its line breaks
 *   and the blanks around them become one space.
 * Leading or trailing blanks of a paragraph or heading are kept as character references (`&#x20;`).
 */
import type { BlockContent, Link, ListItem, PhrasingContent, Root, RootContent, Table, TableCell } from 'mdast';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { defaultHandlers, toMarkdown, type Handle, type Unsafe } from 'mdast-util-to-markdown';
import type { Block, Inline } from '../../shared/export/charter-export.js';
import type { DocNode } from './charter-layout.js';

type Lines = 'breaks' | 'spaces';

const oneLine = (text: string) => text.replace(/[ \t]*\n[ \t]*/g, ' ');

function textNodes(text: string, lines: Lines): PhrasingContent[] {
  if (lines === 'spaces') return text ? [{ type: 'text', value: oneLine(text) }] : [];
  const out: PhrasingContent[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) out.push({ type: 'break' });
    if (line) out.push({ type: 'text', value: line });
  });
  return out;
}

/**
 * Adjacent inlines sharing a link, then boldness, then italics share one link, strong or
 * emphasis node (so `**a****b**` never appears), and adjacent plain runs are one text.
 */
const LAYERS: { key: (i: Inline) => string; wrap: (key: string, children: PhrasingContent[]) => PhrasingContent[] }[] = [
  { key: (i) => i.href ?? '', wrap: (url, children) => (url ? [{ type: 'link', url, children } satisfies Link] : children) },
  { key: (i) => (i.bold ? 'b' : ''), wrap: (k, children) => (k ? [{ type: 'strong', children }] : children) },
  { key: (i) => (i.italic ? 'i' : ''), wrap: (k, children) => (k ? [{ type: 'emphasis', children }] : children) },
];

function phrasing(content: Inline[], lines: Lines, layer = 0): PhrasingContent[] {
  if (layer === LAYERS.length) return textNodes(content.map((i) => i.text).join(''), lines);
  const { key, wrap } = LAYERS[layer]!;
  const out: PhrasingContent[] = [];
  for (let start = 0; start < content.length; ) {
    const k = key(content[start]!);
    let end = start + 1;
    while (end < content.length && key(content[end]!) === k) end++;
    const inner = phrasing(content.slice(start, end), lines, layer + 1);
    // Marks around nothing but white space would not parse as marks: the blanks go out plain.
    const visible = inner.some((n) => n.type !== 'break' && !(n.type === 'text' && !n.value.trim()));
    out.push(...(visible ? wrap(k, inner) : inner));
    start = end;
  }
  return out;
}

/** A paragraph's inlines with the line breaks at its start and end dropped (they cannot be written). */
function paragraph(content: Inline[]): PhrasingContent[] {
  const children = phrasing(content, 'breaks');
  while (children[0]?.type === 'break') children.shift();
  while (children.at(-1)?.type === 'break') children.pop();
  return children;
}

const cell = (text: string): TableCell => ({ type: 'tableCell', children: text.trim() ? [{ type: 'text', value: oneLine(text).trim() }] : [] });

function flow(node: DocNode | Block): RootContent[] {
  switch (node.type) {
    case 'heading': {
      const depth = Math.min(6, Math.max(1, node.level)) as 1 | 2 | 3 | 4 | 5 | 6;
      return [{ type: 'heading', depth, children: phrasing(node.content, 'spaces') }];
    }
    case 'paragraph': {
      const children = paragraph(node.content);
      return children.length ? [{ type: 'paragraph', children }] : [];
    }
    case 'quote':
      return [{ type: 'blockquote', children: node.blocks.flatMap(flow) as BlockContent[] }];
    case 'list':
      return [
        {
          type: 'list',
          ordered: node.ordered,
          start: node.ordered ? 1 : null,
          spread: false,
          children: node.items.map((item): ListItem => ({ type: 'listItem', spread: false, children: item.flatMap(flow) as BlockContent[] })),
        },
      ];
    case 'table': {
      const columns = node.header.length;
      const row = (cells: string[]) => ({ type: 'tableRow' as const, children: [...cells, ...Array<string>(Math.max(0, columns - cells.length)).fill('')].map(cell) });
      return [{ type: 'table', children: [row(node.header), ...node.rows.map(row)] } satisfies Table];
    }
    case 'mono':
      return [{ type: 'paragraph', children: [{ type: 'inlineCode', value: oneLine(node.text) }] }];
    case 'image':
      return []; // one text file has no pictures; the table that follows carries the same content
  }
}

/**
 * mdast-util-to-markdown also escapes a `(` right after `]` (`\[x]\(y)`), for a `[` that some
 * other node left unescaped. Here every `[` in text is escaped and link labels escape `]`, so
 * `](` can never close a link: the rule is dropped to keep `(` readable mid-line.
 */
const isParenAfterBracket = (u: Unsafe) => u.character === '(' && u.before === '\\]';
const root: Handle = (node, parent, state, info) => {
  state.unsafe = state.unsafe.filter((u) => !isParenAfterBracket(u));
  return defaultHandlers.root(node as Root, parent, state, info);
};

export function renderMarkdown(nodes: DocNode[]): string {
  const tree: Root = { type: 'root', children: nodes.flatMap(flow) };
  return toMarkdown(tree, {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    listItemIndent: 'one',
    // Every cell counts as three wide, so the delimiter row reads `| --- |` and no cell is padded
    // to its column's widest (a long text would pad every row of its column).
    extensions: [gfmTableToMarkdown({ stringLength: () => 3 })],
    handlers: { root },
  });
}
