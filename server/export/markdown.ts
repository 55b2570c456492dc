/**
 * GitHub-flavoured Markdown. Every piece of user text is escaped: ASCII punctuation gets a
 * backslash (CommonMark allows it before any of them), so no text can start a heading, list,
 * table cell, link, HTML tag or emphasis; line starts cannot form block syntax either.
 */
import type { Block, Inline } from '../../shared/export/charter-export.js';
import type { DocNode } from './charter-layout.js';

const PUNCT = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(PUNCT, (c) => `\\${c}`);
}

function inline(i: Inline): string {
  // Line breaks inside a paragraph: a backslash at the end of the line is a hard break.
  let s = i.text.split('\n').map(escapeMarkdown).join('\\\n');
  if (!s.trim()) return s;
  if (i.bold) s = `**${s}**`;
  if (i.italic) s = `*${s}*`;
  if (i.href) s = `[${s}](<${i.href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
  return s;
}

const inlines = (content: Inline[]) => content.map(inline).join('');

function block(b: DocNode, indent: string): string[] {
  switch (b.type) {
    case 'heading':
      return [`${'#'.repeat(b.level)} ${inlines(b.content)}`, ''];
    case 'paragraph': {
      const text = inlines(b.content);
      return text ? [...text.split('\n').map((l) => indent + l), ''] : [];
    }
    case 'quote':
      return b.blocks.flatMap((x) => block(x, '')).map((l) => `${indent}> ${l}`.trimEnd()).concat('');
    case 'list':
      return b.items
        .flatMap((item, n) => {
          const marker = b.ordered ? `${n + 1}. ` : '- ';
          const lines = item.flatMap((x: Block) => block(x, '')).filter((l) => l !== '');
          if (!lines.length) lines.push('');
          const pad = ' '.repeat(marker.length);
          return lines.map((l, k) => (k === 0 ? `${indent}${marker}${l}` : `${indent}${pad}${l}`));
        })
        .concat('');
    case 'table': {
      const row = (cells: string[]) => `| ${cells.map((c) => escapeMarkdown(c) || ' ').join(' | ')} |`;
      return [row(b.header), `|${b.header.map(() => ' --- |').join('')}`, ...b.rows.map(row), ''];
    }
    case 'mono':
      return [`\`${b.text.replace(/`/g, '')}\``, ''];
  }
}

export function renderMarkdown(nodes: DocNode[]): string {
  return nodes.flatMap((n) => block(n, '')).join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
