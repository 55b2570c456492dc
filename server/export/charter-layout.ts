/**
 * The charter as one sequence of document nodes (headings, paragraphs, lists, quotes, tables),
 * built once from the export model; the Markdown, DOCX and PDF writers only render nodes, so
 * the three formats always carry the same content in the same order.
 */
import { formatAmount, formatShare } from '../../shared/charter/amount.js';
import type { Block, CharterExport, Inline } from '../../shared/export/charter-export.js';
import { auditSection } from './audit-section.js';
import type { ExportLabels } from './labels.js';
import { methodsSections } from './methods-layout.js';
import { oneLine, plain } from './plain-text.js';

export type DocNode =
  | Block
  | { type: 'table'; header: string[]; rows: string[][] }
  | { type: 'mono'; text: string }
  /** A picture (PNG) with its text alternative; formats without pictures leave it out. */
  | { type: 'image'; png: Buffer; width: number; height: number; alt: string };

const t = (text: string): Inline[] => [{ text: plain(text) }];
const p = (text: string): Block => ({ type: 'paragraph', content: t(text) });
const h = (level: number, text: string): Block => ({ type: 'heading', level, content: [{ text: oneLine(text) }] });
const cell = (v: string | number | null | undefined, none: string) => (v === null || v === undefined || v === '' ? none : oneLine(String(v)));

/** Vision headings sit under the section heading: shifted down one level. Recursion is bounded by MAX_BLOCK_DEPTH (see vision-blocks.ts). */
function shiftHeadings(blocks: Block[]): Block[] {
  return blocks.map((b) => {
    if (b.type === 'heading') return { ...b, level: Math.min(6, b.level + 1) };
    if (b.type === 'quote') return { ...b, blocks: shiftHeadings(b.blocks) };
    if (b.type === 'list') return { ...b, items: b.items.map(shiftHeadings) };
    return b;
  });
}

export function layoutCharter(m: CharterExport, L: ExportLabels, formatDate: (iso: string) => string, actorMap?: { png: Buffer; width: number; height: number }): DocNode[] {
  const out: DocNode[] = [];
  const none = L.none;
  const orgName = new Map(m.organisations.map((o) => [o.id, o.name]));
  // A self-assessment last changed from outside its organisation says by whom (issue #13).
  const withChange = (text: string, c: CharterExport['maturity'][number]['changedBy']) =>
    c ? `${text} (${L.changedBy(c.organisation ? `${c.person}, ${c.organisation}` : c.person, formatDate(c.at))})` : text;
  out.push(h(1, `${m.workshop.title} — ${L.charter}`), p(`${L.exported}: ${formatDate(m.exportedAt)}`));
  out.push(...visionCover(m, L, formatDate));

  out.push(h(2, L.organisations), { type: 'list', ordered: false, items: m.organisations.map((o) => [p(o.name)]) });

  out.push(h(2, L.vision), ...shiftHeadings(m.vision));

  out.push(h(2, L.actorMap));
  if (actorMap) out.push({ type: 'image', ...actorMap, alt: `${L.actorMap}: ${m.actors.map((a) => oneLine(a.name)).join(', ')}` });
  if (m.actors.length) {
    out.push({
      type: 'table',
      header: [L.actor, L.kind, L.role, L.needs, L.requirements, L.gains],
      rows: m.actors.map((a) => [
        a.organisation ? `${cell(a.name, none)} (${L.atTable(a.organisation)})` : cell(a.name, none),
        L.actorKinds[a.kind] ?? a.kind, cell(a.role, none), cell(a.needs, none), cell(a.requirements, none), cell(a.gains, none)]),
    });
  } else out.push(p(none));
  if (m.relations.length) {
    out.push(h(3, L.relations), {
      type: 'table',
      header: [L.from, L.relation, L.to, L.note],
      rows: m.relations.map((r) => [cell(r.from, none), L.relationKinds[r.kind] ?? r.kind, cell(r.to, none), cell(r.note, none)]),
    });
  }

  out.push(h(2, L.maturity));
  if (m.maturity.length) {
    const step = (g: number) => `${g}: ${L.generationNames[g] ?? ''}`;
    out.push({
      type: 'table',
      header: [L.organisation, L.today, L.wantsToBe, L.alsoStandsOn, L.justification],
      rows: m.maturity.map((e) => [
        cell(e.organisation, none),
        step(e.generation),
        e.target ? step(e.target) : none,
        e.alsoOn.length ? e.alsoOn.join(', ') : none,
        withChange(cell(e.justification, none), e.changedBy),
      ]),
    });
  } else out.push(p(none));

  out.push(h(2, L.paradoxes));
  const targets = new Map(m.paradoxTargets.map((t) => [t.axis, t]));
  const axes = [...new Set([...m.paradoxes.map((x) => x.axis), ...targets.keys()])];
  if (!axes.length) out.push(p(none));
  for (const axis of axes) {
    const [left, right] = L.axes[axis] ?? [axis, ''];
    const target = targets.get(axis);
    const gap = (position: number) => {
      if (!target) return none;
      const d = Math.round(target.position - position);
      return d === 0 ? L.atTarget : L.gap(Math.abs(d), d > 0 ? right : left);
    };
    out.push(h(3, `${left} ↔ ${right}`));
    if (L.axisReport[axis]) out.push({ type: 'paragraph', content: [{ text: L.axisReport[axis], italic: true }] });
    if (target) out.push(p(`${L.partnershipTarget}: ${Math.round(target.position)} / 100${target.note ? ` (${oneLine(target.note)})` : ''}`));
    const rows = m.paradoxes.filter((x) => x.axis === axis);
    if (rows.length)
      out.push({
        type: 'table',
        header: [L.organisation, L.position, ...(target ? [L.gapToTarget] : []), L.note],
        rows: rows.map((x) => [cell(x.organisation, none), String(Math.round(x.position)), ...(target ? [gap(x.position)] : []), withChange(cell(x.note, none), x.changedBy)]),
      });
  }

  const g = m.governance;
  out.push(h(2, L.governance), h(3, L.bodies));
  if (g.bodies.length) {
    out.push({
      type: 'table',
      header: [L.body, L.mandate, L.members, L.chair, L.decisionRule, L.rhythm],
      rows: g.bodies.map((b) => [cell(b.name, none), cell(b.mandate, none), cell(b.members.join(', '), none), cell(b.chair, none), L.rules[b.rule] ?? b.rule, cell(b.rhythm, none)]),
    });
  } else out.push(p(none));
  out.push(h(3, L.escalation));
  out.push(g.escalation.length ? { type: 'list', ordered: true, items: g.escalation.map((s) => [p(s.body ? `${s.label} (${s.body})` : s.label)]) } : p(none));
  out.push(h(3, L.funding));
  if (g.funding.length) {
    const total = g.funding.reduce((n, f) => n + (f.amount ?? 0), 0);
    const shares = g.funding.reduce((n, f) => n + (f.share ?? 0), 0);
    // Kroner with thousands separators and currency, shares as local numbers (issue #17).
    const amount = (v: number | null) => (v === null ? none : formatAmount(v, m.language));
    const share = (v: number | null) => (v === null ? none : formatShare(v, m.language));
    out.push({
      type: 'table',
      header: [L.who, L.organisation, L.amount, L.share],
      rows: [...g.funding.map((f) => [cell(f.who, none), cell(f.organisation, none), amount(f.amount), share(f.share)]), [L.total, '', amount(total), share(shares)]],
    });
  } else out.push(p(none));
  out.push(h(3, L.whoDecides));
  if (g.matrix.rows.length && g.matrix.parties.length) {
    out.push({
      type: 'table',
      header: [L.decision, ...g.matrix.parties.map((x) => oneLine(x))],
      rows: g.matrix.rows.map((r) => [cell(r.decision, none), ...r.cells.map((c) => (c ? L.responsibilities[c] ?? c : none))]),
    });
  } else out.push(p(none));

  // The report's methods (issue #17): their own file, so this one stays about the rest.
  out.push(...methodsSections(m, L));

  out.push(h(2, m.allPrinciples ? L.principles : L.agreedPrinciples));
  if (!m.principles.length) out.push(p(none));
  const numbered = new Map(m.principles.map((pr, i) => [pr.id, `${i + 1}. ${firstLine(pr.text)}`]));
  const named = (id: string) => numbered.get(id) ?? id;
  m.principles.forEach((pr, i) => {
    out.push(h(3, `${i + 1}. ${firstLine(pr.text)}`), { type: 'quote', blocks: pr.text.split('\n').map((line) => p(line)) });
    if (pr.retired) out.push(p(L.retired(formatDate(pr.retired.at), cell(pr.retired.by, none), pr.retired.reason)));
    if (pr.supersededBy) out.push(p(L.supersededBy(named(pr.supersededBy))));
    if (pr.amends) out.push(p(L.amends(named(pr.amends))));
    if (pr.removed) out.push(p(L.removed));
    out.push(p(`${L.status}: ${L.statuses[pr.status] ?? pr.status} · ${L.decisionRule}: ${pr.rule ? L.rules[pr.rule] ?? pr.rule : none}`));
    if (pr.textHash) out.push(p(`${L.textHash}:`), { type: 'mono', text: pr.textHash });
    const stanceName = (s: ExportStance) => `${L.stances[s.stance] ?? s.stance}${s.anchor ? ` (${L.anchoredMark})` : ''}`;
    const stanceTable = (list: typeof pr.stances): DocNode => ({
      type: 'table',
      header: [L.organisation, L.stance, L.person, L.time, L.reason],
      rows: list.map((s) => [cell(s.organisation || orgName.get(s.organisationId), none), stanceName(s), cell(s.person, none), formatDate(s.at), cell(s.reason, none)]),
    });
    const names = (list: { organisation: string; organisationId: string }[]) => joinNames(list.map((o) => cell(o.organisation || orgName.get(o.organisationId), none)), L.and) || none;
    const closedAt = pr.closedAt === null ? none : formatDate(pr.closedAt);
    if (pr.closed) out.push(p(pr.status === 'agreed' ? L.adoptedBy(names(pr.boundOrganisations), closedAt) : L.closedWithout(names(pr.boundOrganisations), closedAt)));
    else if (pr.proposedAt !== null) out.push(p(L.boundOpen(names(pr.boundOrganisations))));
    out.push(pr.stances.length ? stanceTable(pr.stances) : p(L.noStances));
    if (pr.laterStances.length) out.push(h(4, L.joinedLater), stanceTable(pr.laterStances));
    if (pr.notYetJoined.length) out.push(p(L.notYetJoined(names(pr.notYetJoined))));
    out.push(...anchoring([...pr.stances, ...pr.laterStances], L, formatDate, (o) => names(o)));
  });

  out.push(h(2, L.milestones));
  const milestoneStances = (list: VisionStance[]) =>
    list.map((s) => `${s.organisation}: ${L.stances[s.stance] ?? s.stance} (${cell(s.person, none)}, ${formatDate(s.at)})${s.reason ? ` — ${s.reason}` : ''}`);
  out.push(
    m.milestones.length
      ? { type: 'list', ordered: false, items: m.milestones.map((x) => [p([`${x.name} — ${formatDate(x.createdAt)}, ${L.savedBy} ${x.createdBy}`, ...milestoneStances(x.stances)].join('. '))]) }
      : p(none),
  );

  out.push(...auditSection(m.audit, L));
  return out;
}

type ExportStance = CharterExport['principles'][number]['stances'][number];
type VisionStance = CharterExport['milestones'][number]['stances'][number];

/**
 * Issue #17, on the cover: the milestone of the vision the organisations endorsed, every stance on
 * it (person, time, reason), whether the text has changed since, and where the others stand.
 */
function visionCover(m: CharterExport, L: ExportLabels, formatDate: (iso: string) => string): DocNode[] {
  const e = m.visionEndorsement;
  if (!e) return [p(L.visionNotEndorsed)];
  const none = L.none;
  const out: DocNode[] = [
    p(L.visionCover(e.milestone, formatDate(e.createdAt))),
    {
      type: 'table',
      header: [L.organisation, L.stance, L.person, L.time, L.reason],
      rows: e.stances.map((s) => [cell(s.organisation, none), L.stances[s.stance] ?? s.stance, cell(s.person, none), formatDate(s.at), cell(s.reason, none)]),
    },
    p(e.textChanged ? L.visionChanged : L.visionUnchanged),
  ];
  for (const o of e.elsewhere) if (o.milestone && o.stance && o.at) out.push(p(L.visionElsewhere(o.organisation, L.stances[o.stance] ?? o.stance, o.milestone, formatDate(o.at))));
  const silent = e.elsewhere.filter((o) => !o.milestone).map((o) => o.organisation);
  if (silent.length) out.push(p(L.visionNoStance(joinNames(silent, L.and))));
  return out;
}

/**
 * Issue #14: endorsed apart from endorsed and anchored, then each organisation's anchor and who
 * took its stance as its representative (who invited and who named them).
 */
function anchoring(list: ExportStance[], L: ExportLabels, formatDate: (iso: string) => string, names: (o: ExportStance[]) => string): DocNode[] {
  if (!list.length) return [];
  const endorsed = list.filter((s) => s.stance === 'endorse');
  const lines = list.flatMap((s) => [
    ...(s.anchor ? [L.anchorLine(s.organisation, s.anchor.confirmedBy, s.anchor.role, s.anchor.date, s.anchor.reference, s.anchor.by || L.none, formatDate(s.anchor.at))] : []),
    ...(s.representative ? [L.representativeLine(s.organisation, s.person || L.none, s.representative.invitedBy, s.representative.namedBy, s.representative.confirmation)] : []),
  ]);
  return [
    p(L.endorsedSummary(names(endorsed), names(endorsed.filter((s) => s.anchor)))),
    ...(lines.length ? [h(4, L.anchoring), { type: 'list' as const, ordered: false, items: lines.map((l) => [p(l)]) }] : []),
  ];
}

/** "A", "A and B", "A, B and C". */
function joinNames(names: string[], and: string): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

function firstLine(text: string): string {
  const line = oneLine(text.split('\n')[0] ?? '');
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
