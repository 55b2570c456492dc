/**
 * What the templates' content is written with (./template-specs.ts, ./template-methods.ts): a
 * text in the three languages, where content starts inside a frame, and a row of frames each
 * with one guidance text at its top.
 */
import type { FrameSpec, Localised } from './template-specs.js';

export const l = (nn: string, nb: string, en: string): Localised => ({ nn, nb, en });

/** Where content starts below a frame's top edge (the canvas draws the title above the frame). */
export const TOP = 24;
export const PAD = 24;

/** Columns of frames, each with one guidance text at its top. */
export function columns(fields: Array<[Localised, Localised, FrameSpec['role']?]>, w: number, h: number, guidanceH = 110): FrameSpec[] {
  return fields.map(([title, text, role], i) => ({
    x: i * (w + 30),
    y: 0,
    w,
    h,
    title,
    ...(role ? { role } : {}),
    items: [{ kind: 'text' as const, x: PAD, y: TOP, w: w - 2 * PAD, h: guidanceH, text }],
  }));
}
