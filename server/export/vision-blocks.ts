/**
 * The vision as export blocks, read from the server's copy of the Yjs document. Only the nodes
 * and marks of `visionSchema` are understood; anything else a writer smuggled in is read as
 * plain paragraphs (unknown blocks) or plain text (unknown marks). Links keep only safe targets.
 * Pending suggestions are read as the text agreed so far: insertions left out, deletions kept, a
 * suggested paragraph break not made, a suggested join not made either.
 * Placeholders (a paragraph's prompt) are never read: an empty paragraph with one is left out.
 *
 * Any member can nest quotes and lists thousands of levels deep, so the walk is iterative (an
 * explicit stack, never the call stack) and the blocks it returns nest at most
 * `MAX_BLOCK_DEPTH` levels: deeper containers are flattened into the deepest kept one, their
 * text kept in document order. Every writer may therefore recurse over the blocks.
 */
import * as Y from 'yjs';
import { MAX_BLOCK_DEPTH, type Block, type Inline } from '../../shared/export/charter-export.js';
import { isSafeHref, VisionKey, visionFragment } from '../../shared/vision/schema.js';
import { readBreak, SUGGESTED_BREAK, SuggestionMark } from '../../shared/vision/suggestion-marks.js';
import { plain } from './plain-text.js';

type XmlNode = Y.XmlElement | Y.XmlText | Y.XmlHook;

/** One node still to read, and the block list (at its nesting depth) its block goes into. */
interface Task {
  node: XmlNode;
  out: Block[];
  depth: number;
}

const CONTAINERS = new Set(['blockquote', 'bullet_list', 'ordered_list', 'list_item']);

export function visionBlocks(doc: Y.Doc): Block[] {
  const root: Block[] = [];
  const stack: Task[] = [];
  // Children are pushed in reverse, so they are taken (and append their blocks) in order; a
  // node's whole subtree is taken before its next sibling.
  const pushChildren = (parent: Y.XmlFragment | Y.XmlElement, out: Block[], depth: number) => {
    const children = parent.toArray();
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, out, depth });
  };
  pushChildren(visionFragment(doc), root, 0);
  for (let task = stack.pop(); task; task = stack.pop()) {
    const { node, out, depth } = task;
    if (node instanceof Y.XmlText) {
      out.push({ type: 'paragraph', content: inlinesOf(node) });
      continue;
    }
    if (!(node instanceof Y.XmlElement)) continue;
    if (CONTAINERS.has(node.nodeName) && depth >= MAX_BLOCK_DEPTH) {
      pushChildren(node, out, depth); // too deep: its content joins the deepest kept level
      continue;
    }
    // A pending suggested break (issue #17) is not agreed either: the block's words stay with the block before.
    const prev = out.at(-1);
    if (depth === 0 && readBreak(node.getAttribute(SUGGESTED_BREAK))?.kind === 'insertion' && (prev?.type === 'paragraph' || prev?.type === 'heading')) {
      prev.content.push(...inlineChildren(node));
      continue;
    }
    switch (node.nodeName) {
      case 'heading': {
        const level = Number(node.getAttribute('level'));
        out.push({ type: 'heading', level: Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2, content: inlineChildren(node) });
        break;
      }
      case 'blockquote': {
        const blocks: Block[] = [];
        out.push({ type: 'quote', blocks });
        pushChildren(node, blocks, depth + 1);
        break;
      }
      case 'bullet_list':
      case 'ordered_list': {
        const children = node.toArray();
        const items: Block[][] = children.map(() => []);
        out.push({ type: 'list', ordered: node.nodeName === 'ordered_list', items });
        for (let i = children.length - 1; i >= 0; i--) {
          const child = children[i];
          if (child instanceof Y.XmlElement) pushChildren(child, items[i]!, depth + 1);
        }
        break;
      }
      default: {
        const content = inlineChildren(node);
        // A placeholder is a prompt, not text (issue #17): an empty paragraph showing one is not exported.
        if (content.length === 0 && node.nodeName === 'paragraph' && node.getAttribute(VisionKey.placeholder) !== undefined) break;
        out.push({ type: 'paragraph', content });
      }
    }
  }
  return root;
}

/** The text inside `el`, however deeply it is wrapped in elements (read without recursion). */
function inlineChildren(el: Y.XmlElement): Inline[] {
  const out: Inline[] = [];
  const stack: XmlNode[] = el.toArray().reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node instanceof Y.XmlText) for (const inline of inlinesOf(node)) out.push(inline); // a loop: a text may hold many runs
    else if (node instanceof Y.XmlElement && node.nodeName === 'hard_break') out.push({ text: '\n' });
    else if (node instanceof Y.XmlElement) {
      const children = node.toArray();
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
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
    // Suggestions are not agreed yet: a pending insertion is left out, a pending deletion kept.
    if (a[SuggestionMark.insertion] !== undefined) continue;
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
