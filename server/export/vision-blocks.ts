/**
 * The vision as export blocks, read from the server's copy of the Yjs document. Only the nodes
 * and marks of `visionSchema` are understood; anything else a writer smuggled in is read as
 * plain paragraphs (unknown blocks) or plain text (unknown marks). Links keep only safe targets.
 */
import * as Y from 'yjs';
import type { Block, Inline } from '../../shared/export/charter-export.js';
import { isSafeHref, visionFragment } from '../../shared/vision/schema.js';
import { plain } from './plain-text.js';

const MAX_DEPTH = 20;

export function visionBlocks(doc: Y.Doc): Block[] {
  return blocksOf(visionFragment(doc), 0);
}

function blocksOf(parent: Y.XmlFragment | Y.XmlElement, depth: number): Block[] {
  const out: Block[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlElement) {
      const b = blockOf(child, depth);
      if (b) out.push(b);
    } else if (child instanceof Y.XmlText) {
      out.push({ type: 'paragraph', content: inlinesOf(child) });
    }
  }
  return out;
}

function blockOf(el: Y.XmlElement, depth: number): Block | null {
  if (depth > MAX_DEPTH) return null;
  switch (el.nodeName) {
    case 'heading': {
      const level = Number(el.getAttribute('level'));
      return { type: 'heading', level: Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2, content: inlineChildren(el) };
    }
    case 'blockquote':
      return { type: 'quote', blocks: blocksOf(el, depth + 1) };
    case 'bullet_list':
    case 'ordered_list':
      return {
        type: 'list',
        ordered: el.nodeName === 'ordered_list',
        items: el.toArray().map((item) => (item instanceof Y.XmlElement ? blocksOf(item, depth + 1) : [])),
      };
    default:
      return { type: 'paragraph', content: inlineChildren(el) };
  }
}

function inlineChildren(el: Y.XmlElement): Inline[] {
  const out: Inline[] = [];
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText) out.push(...inlinesOf(child));
    else if (child instanceof Y.XmlElement && child.nodeName === 'hard_break') out.push({ text: '\n' });
    else if (child instanceof Y.XmlElement) out.push(...inlineChildren(child));
  }
  return out;
}

interface DeltaOp {
  insert?: unknown;
  attributes?: Record<string, unknown>;
}

function inlinesOf(text: Y.XmlText): Inline[] {
  const out: Inline[] = [];
  for (const op of text.toDelta() as DeltaOp[]) {
    if (typeof op.insert !== 'string') continue;
    const a = op.attributes ?? {};
    const inline: Inline = { text: plain(op.insert) };
    if (a.strong !== undefined) inline.bold = true;
    if (a.em !== undefined) inline.italic = true;
    const href = (a.link as { href?: unknown } | undefined)?.href;
    if (isSafeHref(href)) inline.href = href.trim();
    if (inline.text) out.push(inline);
  }
  return out;
}

/** The text of inlines, as one string. */
export const inlineText = (content: Inline[]): string => content.map((i) => i.text).join('');
