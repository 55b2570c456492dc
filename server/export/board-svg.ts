/**
 * The board as a standalone SVG (vector): every element kind in z-order with the palette's
 * colours, organisation colour bands on notes, frames with their titles, connectors with arrow
 * heads and labels, pen strokes. Text is wrapped to its box (estimated glyph widths, DejaVu Sans),
 * escaped, and stripped of control and bidi characters. `frame` limits the picture to one frame.
 */
import type { OrganisationDto } from '../../shared/api.js';
import { connectorSegment, FILL, penOutline, STROKE } from '../../shared/board/look.js';
import type { BoardElement, PaletteColor } from '../../shared/board/schema.js';
import { organisationColors } from '../../shared/org-colors.js';
import { FONT_FAMILY } from './fonts.js';
import { oneLine, plain } from './plain-text.js';

const PAD = 40;
const CHAR_WIDTH = 0.6; // of the font size; DejaVu Sans is wide, so wrapping errs on the short side

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Lines of `text` that fit `width` at `size`, at most `maxLines` (the last one ellipsised). */
export function wrapText(text: string, width: number, size: number, maxLines: number): string[] {
  const perLine = Math.max(1, Math.floor(width / (size * CHAR_WIDTH)));
  const lines: string[] = [];
  for (const para of plain(text).split('\n')) {
    let line = '';
    for (let word of para.split(/\s+/).filter(Boolean)) {
      while (word.length > perLine) {
        if (line) lines.push(line);
        lines.push(word.slice(0, perLine));
        word = word.slice(perLine);
        line = '';
      }
      if (!line) line = word;
      else if (line.length + 1 + word.length <= perLine) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(0, maxLines));
  if (kept.length) kept[kept.length - 1] = `${kept[kept.length - 1]!.slice(0, Math.max(0, perLine - 1))}…`;
  return kept;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const inside = (outer: Box, e: Box) => e.x >= outer.x && e.y >= outer.y && e.x + e.w <= outer.x + outer.w && e.y + e.h <= outer.y + outer.h;

/** Below this many pixels per font size, text is drawn as grey bars (it could not be read anyway). */
const GREEK_BELOW_PX = 5;
type TextOpts = { anchor?: 'start' | 'middle'; weight?: string; fill?: string };
type TextBlock = (lines: string[], x: number, y: number, size: number, opts?: TextOpts) => string;

/** `pxPerUnit` is Infinity for vector output (never greeked). */
const textBlockAt = (pxPerUnit: number): TextBlock => (lines, x, y, size, opts = {}) => {
  if (!lines.length) return '';
  if (size * pxPerUnit < GREEK_BELOW_PX) {
    return lines
      .map((l, i) => {
        const w = l.length * size * CHAR_WIDTH;
        const left = opts.anchor === 'middle' ? x - w / 2 : x;
        return `<rect x="${left.toFixed(1)}" y="${(y + size * 0.3 + i * size * 1.25).toFixed(1)}" width="${w.toFixed(1)}" height="${(size * 0.7).toFixed(1)}" fill="#9ca3af"/>`;
      })
      .join('');
  }
  const tspans = lines.map((l, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : size * 1.25}">${escapeXml(l)}</tspan>`).join('');
  return `<text x="${x}" y="${y + size}" font-size="${size}" text-anchor="${opts.anchor ?? 'start'}"${opts.weight ? ` font-weight="${opts.weight}"` : ''} fill="${opts.fill ?? '#1a1a1a'}">${tspans}</text>`;
};

function renderElement(e: BoardElement, byId: Map<string, BoardElement>, orgStrong: (id: string | null) => string, textBlock: TextBlock, pictures: ReadonlyMap<string, string>): string {
  const fill = FILL[e.color as PaletteColor];
  const stroke = STROKE[e.color as PaletteColor];
  const title = `<title>${escapeXml(oneLine(e.kind === 'connector' ? e.label : e.text).slice(0, 500))}</title>`;
  const size = 16;
  const boxText = (anchor: 'start' | 'middle') => {
    const lines = wrapText(e.text, e.w - 24, size, Math.floor((e.h - 20) / (size * 1.25)));
    if (anchor === 'start') return textBlock(lines, e.x + 12, e.y + 12, size);
    const top = e.y + Math.max(8, (e.h - lines.length * size * 1.25) / 2);
    return textBlock(lines, e.x + e.w / 2, top, size, { anchor: 'middle' });
  };
  switch (e.kind) {
    case 'frame':
      return `<g data-kind="frame">${title}<rect x="${e.x}" y="${e.y}" width="${e.w}" height="${e.h}" rx="8" fill="#f8fafc" stroke="#6b7785" stroke-width="2" stroke-dasharray="8 6"/>${textBlock(wrapText(e.text, e.w - 24, 18, 1), e.x + 12, e.y + 8, 18, { weight: 'bold' })}</g>`;
    case 'note':
      return `<g data-kind="note">${title}<rect x="${e.x}" y="${e.y}" width="${e.w}" height="${e.h}" rx="6" fill="${fill}" stroke="${stroke}" stroke-width="1"/><rect x="${e.x}" y="${e.y}" width="${e.w}" height="6" fill="${orgStrong(e.author.organisationId)}"/>${boxText('start')}</g>`;
    case 'text':
      return `<g data-kind="text">${title}${boxText('start')}</g>`;
    case 'rect':
      return `<g data-kind="rect">${title}<rect x="${e.x}" y="${e.y}" width="${e.w}" height="${e.h}" rx="4" fill="${fill}" stroke="${stroke}" stroke-width="2"/>${boxText('middle')}</g>`;
    case 'ellipse':
      return `<g data-kind="ellipse">${title}<ellipse cx="${e.x + e.w / 2}" cy="${e.y + e.h / 2}" rx="${e.w / 2}" ry="${e.h / 2}" fill="${fill}" stroke="${stroke}" stroke-width="2"/>${boxText('middle')}</g>`;
    case 'diamond': {
      const cx = e.x + e.w / 2;
      const cy = e.y + e.h / 2;
      return `<g data-kind="diamond">${title}<polygon points="${cx},${e.y} ${e.x + e.w},${cy} ${cx},${e.y + e.h} ${e.x},${cy}" fill="${fill}" stroke="${stroke}" stroke-width="2"/>${boxText('middle')}</g>`;
    }
    case 'pen':
      return `<g data-kind="pen">${title}<path d="${penOutline(e)}" fill="${stroke}"/></g>`;
    case 'image': {
      // Embedded (a data: URI, checked PNG/JPEG/WebP bytes), so the file stands alone; its
      // description is its title and, when there is room, a caption. A lost file leaves a frame.
      const href = e.image ? pictures.get(e.image) : undefined;
      const alt = `<title>${escapeXml(oneLine(e.label).slice(0, 500))}</title>`;
      const picture = href
        ? `<image x="${e.x}" y="${e.y}" width="${e.w}" height="${e.h}" preserveAspectRatio="xMidYMid meet" href="${href}"/>`
        : `<rect x="${e.x}" y="${e.y}" width="${e.w}" height="${e.h}" fill="#f3f4f6" stroke="#9ca3af" stroke-dasharray="6 4"/>`;
      return `<g data-kind="image" role="img">${alt}${picture}</g>`;
    }
    case 'connector': {
      const from = e.from ? byId.get(e.from) : undefined;
      const to = e.to ? byId.get(e.to) : undefined;
      if (!from || !to) return '';
      const [a, b] = connectorSegment(from, to);
      const ang = Math.atan2(b.y - a.y, b.x - a.x);
      const head = (d: number) => `${(b.x - 12 * Math.cos(ang + d)).toFixed(1)},${(b.y - 12 * Math.sin(ang + d)).toFixed(1)}`;
      const label = oneLine(e.label);
      const mx = (a.x + b.x) / 2;
      const my = (a.y + b.y) / 2;
      const labelSvg = label
        ? `<rect x="${mx - Math.min(label.length, 40) * 14 * CHAR_WIDTH / 2 - 4}" y="${my - 11}" width="${Math.min(label.length, 40) * 14 * CHAR_WIDTH + 8}" height="22" fill="#ffffff"/>${textBlock([label.length > 40 ? `${label.slice(0, 39)}…` : label], mx, my - 10, 14, { anchor: 'middle' })}`
        : '';
      return `<g data-kind="connector">${title}<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="${stroke}" stroke-width="2"/><path d="M${b.x.toFixed(1)},${b.y.toFixed(1)}L${head(0.45)}L${head(-0.45)}Z" fill="${stroke}"/>${labelSvg}</g>`;
    }
  }
}

export interface BoardSvgInput {
  title: string;
  /** Back to front. */
  elements: BoardElement[];
  organisations: OrganisationDto[];
  /** Only this frame and what lies wholly inside it. */
  frameId?: string;
  /** For a raster: pixels per board unit, from the picture's size; tiny text becomes bars. */
  rasterScale?: (width: number, height: number) => number;
  /** Image id → `data:` URI of the images the elements show (missing ones draw as an empty frame). */
  pictures?: ReadonlyMap<string, string>;
}

/** Throws RangeError('frame') when `frameId` names no frame of the board. */
export function renderBoardSvg(input: BoardSvgInput): { svg: string; width: number; height: number } {
  let elements = input.elements;
  let bounds: Box | null = null;
  if (input.frameId) {
    const frame = elements.find((e) => e.id === input.frameId && e.kind === 'frame');
    if (!frame) throw new RangeError('frame');
    const inFrame = new Set(elements.filter((e) => e.kind !== 'connector' && inside(frame, e)).map((e) => e.id));
    elements = elements.filter((e) => inFrame.has(e.id) || (e.kind === 'connector' && e.from && e.to && inFrame.has(e.from) && inFrame.has(e.to)));
    bounds = frame;
  }
  const byId = new Map(input.elements.map((e) => [e.id, e]));
  if (!bounds) {
    const boxes = elements.filter((e) => e.kind !== 'connector');
    bounds = boxes.length
      ? boxes.reduce<Box>((b, e) => {
          const x = Math.min(b.x, e.x);
          const y = Math.min(b.y, e.y);
          return { x, y, w: Math.max(b.x + b.w, e.x + e.w) - x, h: Math.max(b.y + b.h, e.y + e.h) - y };
        }, { x: boxes[0]!.x, y: boxes[0]!.y, w: boxes[0]!.w, h: boxes[0]!.h })
      : { x: 0, y: 0, w: 800, h: 600 };
  }
  const colors = organisationColors(input.organisations);
  const orgStrong = (id: string | null) => (colors.get(id ?? '') ?? colors.get('')!).strong;
  const vb = { x: bounds.x - PAD, y: bounds.y - PAD, w: bounds.w + 2 * PAD, h: bounds.h + 2 * PAD };
  const title = escapeXml(oneLine(input.title));
  const textBlock = textBlockAt(input.rasterScale ? input.rasterScale(vb.w, vb.h) : Infinity);
  const pictures = input.pictures ?? new Map<string, string>();
  const body = elements.map((e) => renderElement(e, byId, orgStrong, textBlock, pictures)).join('\n');
  const svg = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${title}" viewBox="${vb.x} ${vb.y} ${vb.w} ${vb.h}" width="${vb.w}" height="${vb.h}" font-family="${FONT_FAMILY}, sans-serif">
<title>${title}</title>
<rect x="${vb.x}" y="${vb.y}" width="${vb.w}" height="${vb.h}" fill="#ffffff"/>
${body}
</svg>
`;
  return { svg, width: vb.w, height: vb.h };
}
