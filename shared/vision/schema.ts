/**
 * The vision document (`<workshopId>/vision`): the only file that spells its Yjs keys.
 *
 *   prosemirror: Y.XmlFragment  the text, bound to ProseMirror by y-prosemirror
 *   comments: Y.Map             commentId → Y.Map (see shared/vision/comments.ts)
 *   settings: Y.Map             facilitators' settings of the vision (shared/vision/suggestion-settings.ts)
 *
 * The document is kept with garbage collection off (`VISION_DOC_OPTIONS`) on the server and in
 * every client, so snapshots (milestones, "since your last visit") can show deleted text.
 *
 * The ProseMirror schema lives here too, so the server builds the template and measures length
 * with the same node names the editor uses. Links allow only http, https and mailto.
 *
 * A paragraph may carry a `placeholder` attribute (issue #17): the template's prompt for that
 * paragraph, shown while it is empty and dropped once someone writes in it. It is not text: the
 * length cap, "the vision has text" and every export ignore it. An additive change (older
 * documents simply have no such attribute), so the document has no schema version to bump.
 */
import { Schema, type MarkSpec, type NodeSpec } from 'prosemirror-model';
import * as Y from 'yjs';
import { FORMAT_MARK, formatMarkSpec, SUGGESTED_BREAK, suggestionMarkSpecs } from './suggestion-marks.js';

export const VisionKey = {
  fragment: 'prosemirror',
  comments: 'comments',
  settings: 'settings',
  /** The attribute of a paragraph element holding its placeholder (a template's prompt). */
  placeholder: 'placeholder',
} as const;

/** Longest placeholder kept (a template's prompt is a sentence or two). */
export const PLACEHOLDER_MAX = 500;

/** Snapshots need deleted content: never garbage-collect the vision document. */
export const VISION_DOC_OPTIONS = { gc: false } as const;

export const visionFragment = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(VisionKey.fragment);
export const visionComments = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap(VisionKey.comments);

/** True for the only link targets we keep: http, https and mailto. */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.length > 2048) return false;
  const trimmed = href.trim();
  return /^(https?:\/\/|mailto:)/i.test(trimmed) && !/[\u0000-\u001f\u007f\s]/.test(trimmed);
}

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'block+' },
  paragraph: {
    // Never written to the DOM or read from it (a pasted paragraph brings none): the editor shows
    // it as a decoration while the paragraph is empty (client/vision/placeholders.ts). Not
    // validated: y-prosemirror deletes an element whose attributes fail validation, so a member
    // writing a number here would make every client delete the paragraph; readers check the type.
    attrs: { [VisionKey.placeholder]: { default: null }, [SUGGESTED_BREAK]: { default: null } },
    content: 'inline*',
    group: 'block',
    parseDOM: [{ tag: 'p' }],
    toDOM: () => ['p', 0],
  },
  heading: {
    // A suggested break (suggestion-marks.ts): like the placeholder, shown by the editor, never in the DOM.
    attrs: { level: { default: 2, validate: 'number' }, [SUGGESTED_BREAK]: { default: null } },
    content: 'inline*',
    group: 'block',
    defining: true,
    parseDOM: [1, 2, 3, 4, 5, 6].map((n) => ({ tag: `h${n}`, attrs: { level: Math.min(Math.max(n, 2), 4) } })),
    toDOM: (node) => [`h${Math.min(Math.max(Number(node.attrs.level) || 2, 2), 4)}`, 0],
  },
  blockquote: {
    content: 'block+',
    group: 'block',
    defining: true,
    parseDOM: [{ tag: 'blockquote' }],
    toDOM: () => ['blockquote', 0],
  },
  bullet_list: {
    content: 'list_item+',
    group: 'block',
    parseDOM: [{ tag: 'ul' }],
    toDOM: () => ['ul', 0],
  },
  ordered_list: {
    content: 'list_item+',
    group: 'block',
    parseDOM: [{ tag: 'ol' }],
    toDOM: () => ['ol', 0],
  },
  list_item: {
    content: 'paragraph block*',
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: () => ['li', 0],
  },
  text: { group: 'inline' },
  hard_break: {
    inline: true,
    group: 'inline',
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: () => ['br'],
  },
};

const marks: Record<string, MarkSpec> = {
  link: {
    attrs: { href: { validate: 'string' } },
    inclusive: false,
    parseDOM: [
      {
        tag: 'a[href]',
        getAttrs: (dom) => {
          const href = (dom as HTMLElement).getAttribute('href');
          return isSafeHref(href) ? { href: href.trim() } : false;
        },
      },
    ],
    toDOM: (mark) => {
      const href = isSafeHref(mark.attrs.href) ? mark.attrs.href : '#';
      return ['a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, 0];
    },
  },
  em: {
    parseDOM: [{ tag: 'i' }, { tag: 'em' }, { style: 'font-style=italic' }],
    toDOM: () => ['em', 0],
  },
  strong: {
    parseDOM: [
      { tag: 'strong' },
      { tag: 'b', getAttrs: (node) => (node as HTMLElement).style.fontWeight !== 'normal' && null },
      { style: 'font-weight=bold' },
      { style: 'font-weight', getAttrs: (value) => /^(bold(er)?|[5-9]\d{2,})$/.test(value as string) && null },
    ],
    toDOM: () => ['strong', 0],
  },
  /**
   * Set by y-prosemirror when it renders a snapshot diff (milestones, "since your last visit",
   * authorship): `user` is the member id that wrote or deleted the passage.
   */
  ychange: {
    attrs: { user: { default: null }, type: { default: null }, color: { default: null } },
    inclusive: false,
    parseDOM: [],
    toDOM: (mark) => [
      'span',
      {
        class: `ychange ychange-${String(mark.attrs.type)}`,
        'data-user': String(mark.attrs.user ?? ''),
        style: mark.attrs.color ? `--ychange-color: ${(mark.attrs.color as { light?: string }).light ?? ''}` : '',
      },
      0,
    ],
  },
};

// Suggestion marks (insertion, deletion) were added without a migration: additive, and documents
// without them read as before. Last, so a suggestion's <ins>/<del> sits inside bold and links.
export const visionSchema = new Schema({ nodes, marks: { ...marks, ...suggestionMarkSpecs, [FORMAT_MARK]: formatMarkSpec } });

/** Characters of text in the vision (what the length cap counts). */
export function visionTextLength(doc: Y.Doc): number {
  return xmlTextLength(visionFragment(doc));
}

/** Iterative: a member may nest elements deeper than the call stack reaches. */
function xmlTextLength(node: Y.XmlFragment | Y.XmlElement): number {
  let n = 0;
  const stack: unknown[] = node.toArray();
  for (let child = stack.pop(); child !== undefined; child = stack.pop()) {
    if (child instanceof Y.XmlText) n += child.length;
    else if (child instanceof Y.XmlElement) for (const c of child.toArray()) stack.push(c);
  }
  return n;
}

/** True when the vision holds no text at all (only empty blocks, or nothing). */
export function visionIsEmpty(doc: Y.Doc): boolean {
  return visionTextLength(doc) === 0;
}
