/**
 * Pasted and dropped HTML, before ProseMirror parses it into the schema (which alone already
 * drops what it has no rule for): elements that carry code or styling are removed with their
 * content, every attribute but a safe link's `href` is dropped, and links to anything but http,
 * https and mailto lose their target. Parsed in an inert document: nothing runs or loads.
 */
import { Fragment, Mark, Slice, type Node as PMNode } from 'prosemirror-model';
import { isSafeHref, visionSchema } from '../../shared/vision/schema.js';

const DROP = 'script, style, link, meta, base, iframe, frame, frameset, object, embed, applet, template, noscript, svg, math, form, input, button, select, textarea, canvas, audio, video, source, track';

export function sanitisePastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll(DROP).forEach((el) => el.remove());
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const keep = el.localName === 'a' && attr.name === 'href' && isSafeHref(attr.value);
      if (!keep) el.removeAttribute(attr.name);
    }
  }
  return doc.body.innerHTML;
}

/** Second line of defence on the parsed slice: no link mark with an unsafe target survives. */
export function sanitiseSlice(slice: Slice): Slice {
  const link = visionSchema.marks.link!;
  const clean = (fragment: Fragment): Fragment => {
    const children: PMNode[] = [];
    fragment.forEach((node) => {
      if (node.isText) {
        const marks = node.marks.filter((m) => m.type !== link || isSafeHref(m.attrs.href));
        children.push(marks.length === node.marks.length ? node : node.mark(Mark.setFrom(marks)));
      } else children.push(node.copy(clean(node.content)));
    });
    return Fragment.fromArray(children);
  };
  return new Slice(clean(slice.content), slice.openStart, slice.openEnd);
}
