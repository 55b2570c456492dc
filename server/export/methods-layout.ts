/**
 * The report's methods as document nodes (issue #17), after the governance model: the benefits
 * map with its total, the roadmap (now, next, later), the service inventory with the overlaps
 * found in it, and the life event. Amounts are kroner, written as the export's language writes
 * them ("1 500 000 kr", "NOK 1,500,000").
 */
import { formatAmount } from '../../shared/charter/amount.js';
import type { Block, CharterExport, Inline } from '../../shared/export/charter-export.js';
import type { DocNode } from './charter-layout.js';
import type { ExportLabels } from './labels.js';
import { oneLine, plain } from './plain-text.js';

const p = (content: Inline[]): Block => ({ type: 'paragraph', content });
const h = (level: number, text: string): Block => ({ type: 'heading', level, content: [{ text: oneLine(text) }] });
const cell = (v: string, none: string) => (v.trim() ? oneLine(v) : none);

export function methodsSections(m: CharterExport, L: ExportLabels): DocNode[] {
  const none = L.none;
  const kroner = (n: number) => formatAmount(n, m.language);
  const out: DocNode[] = [];

  out.push(h(2, L.benefitsMap));
  if (m.benefits.length) {
    const quantified = m.benefits.filter((b) => b.amount !== null);
    const total = quantified.reduce((n, b) => n + b.amount!, 0);
    out.push({
      type: 'table',
      header: [L.benefit, L.payer, L.gainer, L.when, L.amount],
      rows: [
        ...m.benefits.map((b) => [cell(b.what, none), cell(b.payer, none), cell(b.gainer, none), cell(b.when, none), b.amount === null ? none : kroner(b.amount)]),
        ...(quantified.length ? [[L.total, '', '', '', kroner(total)]] : []),
      ],
    });
  } else out.push(p([{ text: none }]));

  out.push(h(2, L.roadmap));
  out.push(
    m.roadmap.length
      ? { type: 'table', header: [L.horizon, L.initiative, L.owner], rows: m.roadmap.map((r) => [L.horizons[r.horizon] ?? r.horizon, cell(r.text, none), cell(r.owner, none)]) }
      : p([{ text: none }]),
  );

  out.push(h(2, L.serviceOverlap));
  if (m.services.length) {
    out.push({
      type: 'table',
      header: [L.service, L.targetGroup, L.theme, L.organisation],
      rows: m.services.map((s) => [cell(s.name, none), cell(s.targetGroup, none), cell(s.theme, none), s.organisation ?? none]),
    });
    out.push(h(3, L.overlaps));
    out.push(
      m.serviceOverlaps.length
        ? {
            type: 'list',
            ordered: false,
            items: m.serviceOverlaps.map((o) => [
              p([
                { text: L.overlapOn(oneLine(o.targetGroup), oneLine(o.theme)), bold: true },
                { text: `: ${o.services.map((s) => (s.organisation ? `${cell(s.name, none)} (${s.organisation})` : cell(s.name, none))).join('; ')}` },
              ]),
            ]),
          }
        : p([{ text: L.noOverlaps }]),
    );
  } else out.push(p([{ text: none }]));

  out.push(h(2, L.lifeEvent));
  const life = m.lifeEvent;
  if (life) {
    const line = (label: string, value: string) => p([{ text: label, bold: true }, { text: `: ${cell(value, none)}` }]);
    out.push(line(L.name, life.name), line(L.owner, life.owner));
    for (const [label, text] of [
      [L.scope, life.scope],
      [L.mandate, life.mandate],
      [L.funding, life.funding],
    ] as const) {
      out.push(h(3, label), ...(text.trim() ? plain(text).split('\n').filter((x) => x.trim()).map((x) => p([{ text: x }])) : [p([{ text: none }])]));
    }
  } else out.push(p([{ text: none }]));
  return out;
}
