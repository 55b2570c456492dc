/** Fills a workshop's vision, charter and board through real y-websocket clients, for export tests. */
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { BoardDoc } from '../../shared/board/board-doc.js';
import { CharterDoc } from '../../shared/charter/charter-doc.js';
import { VISION_DOC_OPTIONS, visionFragment } from '../../shared/vision/schema.js';
import type { WorkshopDto } from '../../shared/api.js';
import { provider, synced, until } from './sync.js';

const newId = () => randomBytes(12).toString('base64url');

function paragraph(text: string, attrs?: Record<string, unknown>): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text, attrs);
  p.insert(0, [t]);
  return p;
}

/** Writes into `room` with `fill`, then waits until a second client sees the server has it all. */
async function write(wsBase: string, room: string, token: string, opts: { gc?: boolean }, fill: (doc: Y.Doc) => void): Promise<void> {
  const a = provider(wsBase, room, token, new Y.Doc(opts));
  await synced(a);
  fill(a.doc);
  const want = Y.encodeStateVector(a.doc);
  const b = provider(wsBase, room, token, new Y.Doc(opts));
  await synced(b);
  await until(() => Buffer.from(Y.encodeStateVector(b.doc)).equals(Buffer.from(want)), 10_000, `server has all of ${room}`);
  a.destroy();
  b.destroy();
}

export interface FilledContent {
  boardElements: Record<string, string>;
  frameId: string;
}

export async function fillWorkshop(wsBase: string, w: WorkshopDto, token: string, hostile: readonly string[]): Promise<FilledContent> {
  const [orgA, orgB] = w.organisations;
  await write(wsBase, `${w.id}/vision`, token, VISION_DOC_OPTIONS, (doc) => {
    const list = new Y.XmlElement('bullet_list');
    const item = new Y.XmlElement('list_item');
    item.insert(0, [paragraph('Eit punkt i ei liste')]);
    list.insert(0, [item]);
    visionFragment(doc).push([
      ...hostile.map((h) => paragraph(h)),
      paragraph('trygg lenkje', { link: { href: 'https://example.org/a?b=1' } }),
      paragraph('farleg lenkje', { link: { href: 'javascript:alert(1)' } }),
      paragraph('feit tekst', { strong: {} }),
      list,
    ]);
  });
  await write(wsBase, `${w.id}/charter`, token, {}, (doc) => {
    const c = new CharterDoc(doc, newId);
    const nav = c.addActor({ name: 'NAV', kind: 'state_agency', role: hostile[0], needs: hostile[2], requirements: hostile[5], gains: hostile[12] }, 'test');
    const komm = c.addActor({ name: 'Bergen kommune', kind: 'municipality', role: 'Tenesteytar', organisationId: orgB!.id }, 'test');
    c.addRelation(nav, komm, 'funds', 'test', hostile[3]);
    c.setMaturity(orgA!.id, 2, hostile[1]!, 'test');
    c.setMaturity(orgB!.id, 3, 'Godt i gang', 'test');
    c.setParadox('local_vs_central', orgA!.id, 30, hostile[6]!, 'test');
    c.setParadox('domain_vs_it', orgB!.id, 80, 'IT-tung', 'test');
    c.updateMaturity(orgB!.id, { target: 4, alsoOn: [2] }, 'test');
    c.setParadoxTarget('local_vs_central', 70, 'Meir felles', 'test');
    const body = c.addBody({ name: 'Styringsgruppe', mandate: hostile[4], members: [orgA!.id, orgB!.id], chair: 'Helsedirektoratet', rule: 'consensus', rhythm: 'Kvar månad' }, 'test');
    c.addEscalationStep('Arbeidsgruppe', null, 'test');
    c.addEscalationStep('Styringsgruppe', body, 'test');
    c.addFunding({ who: 'Helsedirektoratet', amount: 600000, share: 60 }, 'test');
    c.addFunding({ who: hostile[7]!, amount: 400000, share: 40, organisationId: orgB!.id }, 'test');
    const d = c.addDecision('Prioritering av tiltak', 'test');
    c.setResponsibility(d, body, 'decide', 'test');
    c.setResponsibility(d, orgB!.id, 'consult', 'test');
    c.addPrinciple(`Brukaren først. ${hostile[8]}`, w.me.id, 'test');
    // The report's methods (issue #17): a benefits map, a roadmap, overlapping services, a life event.
    c.addBenefit({ what: 'Færre skjema å fylle ut', payer: 'Bergen kommune', gainer: 'Familiane', when: '2027', amount: 1_500_000 }, 'test');
    c.addBenefit({ what: hostile[9], payer: 'Nav', gainer: 'Samfunnet', when: 'Kvart år', amount: 250_000.5 }, 'test');
    c.addBenefit({ what: 'Tryggare foreldre', payer: 'Helsedirektoratet', gainer: 'Familiane' }, 'test');
    c.addRoadmapItem({ text: 'Éin søknad for alle ytingar', horizon: 'later', owner: 'Helsedirektoratet' }, 'test');
    c.addRoadmapItem({ text: 'Felles innsyn i saka', horizon: 'now', owner: 'Nav' }, 'test');
    c.addRoadmapItem({ text: hostile[10]!, horizon: 'next' }, 'test');
    c.addService({ name: 'Ungdomslos', targetGroup: 'Unge 16–24', theme: 'Arbeid', organisationId: orgA!.id }, 'test');
    c.addService({ name: 'Jobbsjansen', targetGroup: 'unge 16–24', theme: 'arbeid', organisationId: orgB!.id }, 'test');
    c.addService({ name: 'Bustøtte', targetGroup: 'Unge 16–24', theme: 'Bustad' }, 'test');
    c.setLifeEvent('name', 'Alvorleg sjukt barn', 'test');
    c.setLifeEvent('owner', 'Helsedirektoratet', 'test');
    c.setLifeEvent('scope', 'Frå diagnose til det første året heime', 'test');
    c.setLifeEvent('mandate', 'Samordne tenestene rundt familien', 'test');
    c.setLifeEvent('funding', 'Kvar etat ber sine eigne kostnader', 'test');
  });
  const boardElements: Record<string, string> = {};
  let frameId = '';
  await write(wsBase, w.boards[0]!.room, token, {}, (doc) => {
    const b = new BoardDoc(doc, newId);
    // The writer's own identity: the server refuses elements that name someone else (issue #13).
    const author = { id: w.me.id, name: w.me.displayName, organisationId: w.me.organisationId, organisationName: w.organisations.find((o) => o.id === w.me.organisationId)?.name ?? null };
    frameId = b.create({ kind: 'frame', x: 0, y: 0, w: 900, h: 500, text: 'Ramme ein' }, author, 'test');
    const note = b.create({ kind: 'note', x: 40, y: 80, text: hostile[0] }, author, 'test');
    const rect = b.create({ kind: 'rect', x: 400, y: 80, text: hostile[11], color: 'blue' }, author, 'test');
    boardElements.note = note;
    boardElements.rect = rect;
    boardElements.connector = b.create({ kind: 'connector', x: 0, y: 0, from: note, to: rect, label: hostile[3] }, author, 'test');
    boardElements.ellipse = b.create({ kind: 'ellipse', x: 40, y: 300, text: 'Ellipse' }, author, 'test');
    boardElements.diamond = b.create({ kind: 'diamond', x: 300, y: 300, text: 'Diamant' }, author, 'test');
    boardElements.text = b.create({ kind: 'text', x: 600, y: 300, text: hostile[12] }, author, 'test');
    boardElements.pen = b.create({ kind: 'pen', x: 700, y: 380, points: [0, 0, 20, 10, 40, 30, 60, 20] }, author, 'test');
    boardElements.outside = b.create({ kind: 'note', x: 2000, y: 2000, text: 'Utanfor ramma' }, author, 'test');
  });
  return { boardElements, frameId };
}
