/**
 * The actor map as a picture for the DOCX and PDF exports: actors as boxes (placed where people
 * put them in the app; those never placed go on a circle), relations as labelled arrows. Made as
 * SVG and rasterised with the same fonts as board exports.
 */
import type { Actor, Relation } from '../../shared/charter/schema.js';
import { escapeXml, wrapText } from './board-svg.js';
import { FONT_FAMILY } from './fonts.js';
import { oneLine } from './plain-text.js';

const W = 180;
const H = 64;
const PAD = 40;
const KIND_FILL: Record<string, string> = {
  state_agency: '#dbeafe',
  municipality: '#d1fae5',
  ministry: '#e0e7ff',
  company: '#fef3c7',
  ngo: '#fce7f3',
  end_user_group: '#ffedd5',
};

export function actorDiagramSvg(actors: Actor[], relations: Relation[], relationName: (kind: string) => string): { svg: string; width: number; height: number } | null {
  if (!actors.length) return null;
  const r = Math.max(160, (actors.length * (W + 40)) / (2 * Math.PI));
  const pos = new Map(
    actors.map((a, i) => {
      const angle = (2 * Math.PI * i) / actors.length - Math.PI / 2;
      return [a.id, a.x !== null && a.y !== null ? { x: a.x, y: a.y } : { x: r + r * Math.cos(angle), y: r + r * Math.sin(angle) }];
    }),
  );
  const xs = [...pos.values()].map((p) => p.x);
  const ys = [...pos.values()].map((p) => p.y);
  const minX = Math.min(...xs) - PAD;
  const minY = Math.min(...ys) - PAD;
  const width = Math.max(...xs) + W + PAD - minX;
  const height = Math.max(...ys) + H + PAD - minY;
  const centre = (id: string) => {
    const p = pos.get(id)!;
    return { x: p.x + W / 2, y: p.y + H / 2 };
  };
  const edge = (rel: Relation) => {
    const a = centre(rel.from);
    const b = centre(rel.to);
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    // Stop at the target box's edge.
    const t = Math.min(dx === 0 ? Infinity : W / 2 / Math.abs(dx), dy === 0 ? Infinity : H / 2 / Math.abs(dy), 1);
    const end = { x: b.x - dx * t, y: b.y - dy * t };
    const ang = Math.atan2(dy, dx);
    const head = (d: number) => `${(end.x - 12 * Math.cos(ang + d)).toFixed(1)},${(end.y - 12 * Math.sin(ang + d)).toFixed(1)}`;
    const label = escapeXml(oneLine(relationName(rel.kind)));
    return `<g><line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${end.x.toFixed(1)}" y2="${end.y.toFixed(1)}" stroke="#4b5563" stroke-width="2"/><path d="M${end.x.toFixed(1)},${end.y.toFixed(1)}L${head(0.45)}L${head(-0.45)}Z" fill="#4b5563"/><text x="${((a.x + end.x) / 2).toFixed(1)}" y="${((a.y + end.y) / 2 - 6).toFixed(1)}" font-size="13" text-anchor="middle" fill="#1f2937" stroke="#ffffff" stroke-width="4" paint-order="stroke">${label}</text></g>`;
  };
  const node = (a: Actor) => {
    const p = pos.get(a.id)!;
    const lines = wrapText(a.name, W - 16, 15, 2).map((l, i) => `<tspan x="${p.x + W / 2}" dy="${i === 0 ? 0 : 18}">${escapeXml(l)}</tspan>`).join('');
    return `<g><rect x="${p.x}" y="${p.y}" width="${W}" height="${H}" rx="10" fill="${KIND_FILL[a.kind] ?? '#f3f4f6'}" stroke="#374151" stroke-width="1.5"/><text x="${p.x + W / 2}" y="${p.y + 27}" font-size="15" font-weight="bold" text-anchor="middle" fill="#111827">${lines}</text></g>`;
  };
  const ids = new Set(actors.map((a) => a.id));
  const svg = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${width} ${height}" width="${width}" height="${height}" font-family="${FONT_FAMILY}, sans-serif">
<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="#ffffff"/>
${relations.filter((rel) => ids.has(rel.from) && ids.has(rel.to) && rel.from !== rel.to).map(edge).join('\n')}
${actors.map(node).join('\n')}
</svg>
`;
  return { svg, width, height };
}
