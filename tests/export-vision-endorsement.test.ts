/**
 * The charter's cover names the vision as the organisations endorsed it (issue #17): the latest
 * milestone an organisation endorsed, every stance on it (person, time, reason), whether the
 * vision's text has changed since, and where the other organisations stand; in Nynorsk, Bokmål
 * and English, and in the JSON export (valid against the published schema; an export from before
 * these fields still parses). The template's prompts are placeholders: never in any export.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CharterExport } from '../shared/export/charter-export.js';
import { VISION_DOC_OPTIONS, visionFragment } from '../shared/vision/schema.js';
import { call, fixture, type Fixture } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { connectedAll, type TestSocket } from './helpers/socket.js';
import { provider, synced, until } from './helpers/sync.js';

let s: TestServer;
let f: Fixture;
let a: TestSocket;
let b: TestSocket;
const PROMPTS = ['Skildra kva som er annleis', 'Beskriv hva som er annerledes', 'Describe what is different'];

beforeAll(async () => {
  s = await startServer({ EXPORTS_PER_MINUTE: '1000' });
  f = await fixture(s.base);
  [a, b] = await connectedAll(s.base, f.participantA, f.participantB);
});
afterAll(async () => {
  for (const x of [a, b]) x?.close();
  await s?.stop();
  s?.cleanup();
});

const download = async (query: string) => (await fetch(`${s.base}/api/workshops/${f.workshop.id}/export/charter?${query}`, { headers: { authorization: `Bearer ${f.observer}` } })).text();
const json = async () => JSON.parse(await download('format=json')) as CharterExport;
/** The Markdown without its escapes, from the top to the organisations (the cover). */
const cover = async (lang: string) => (await download(`format=md&lang=${lang}`)).replace(/\\([!-/:-@[-`{-~])/g, '$1').split(/^## /m)[0]!;
const saveMilestone = async (name: string) => (await call<{ id: string }>(s.base, 'POST', `/api/workshops/${f.workshop.id}/milestones`, { name }, f.facilitator)).body.id;

describe('the vision on the charter’s cover', () => {
  it('says no organisation has endorsed it yet, and the template’s prompts are in no export', async () => {
    const data = await json();
    expect(data.visionEndorsement).toBeNull();
    // The headings of the template are text; its prompts are placeholders: neither text nor empty paragraphs.
    expect(data.vision.map((x) => x.type)).toEqual(['heading', 'heading', 'heading', 'heading']);
    for (const format of ['json', 'md&lang=nn', 'md&lang=en']) {
      const text = await download(`format=${format}`);
      for (const prompt of PROMPTS) expect(text, format).not.toContain(prompt);
    }
    expect(await cover('nn')).toContain('Inga verksemd har slutta seg til draumebiletet (ein milepæl av det) enno.');
  });

  it('names the endorsed milestone with every stance, unchanged text, in three languages', async () => {
    const m1 = await saveMilestone('Etter samling 1');
    await a.ok('vision.endorse', { milestoneId: m1, stance: 'endorse' });
    await b.ok('vision.endorse', { milestoneId: m1, stance: 'object', reason: 'Sluttbrukarane | manglar' });
    const data = await json();
    const published = JSON.parse(readFileSync('docs/charter-export.schema.json', 'utf8')) as Record<string, unknown>;
    const validate = new Ajv2020({ strict: false }).compile(published);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data.visionEndorsement).toEqual({
      milestoneId: m1,
      milestone: 'Etter samling 1',
      createdAt: expect.any(String),
      stances: [
        { organisationId: f.workshop.organisations[0]!.id, organisation: 'Helsedirektoratet', stance: 'endorse', person: 'Ola', at: expect.any(String), reason: null },
        { organisationId: f.workshop.organisations[1]!.id, organisation: 'Bergen kommune', stance: 'object', person: 'Kari', at: expect.any(String), reason: 'Sluttbrukarane | manglar' },
      ],
      textChanged: false,
      elsewhere: [],
    });
    expect(data.milestones.map((m) => [m.id, m.name, m.stances.map((x) => x.stance)])).toEqual([[m1, 'Etter samling 1', ['endorse', 'object']]]);

    const nn = await cover('nn');
    expect(nn).toContain('Draumebiletet slik verksemdene slutta seg til det: milepælen «Etter samling 1», lagra');
    expect(nn).toMatch(/\| Helsedirektoratet \| Sluttar seg til \| Ola \| \d/);
    expect(nn).toMatch(/\| Bergen kommune \| Har innvending \| Kari \| .+ \| Sluttbrukarane \| manglar \|/);
    expect(nn).toContain('Teksten under «Draumebiletet» nedanfor er den verksemdene slutta seg til: uendra sidan denne milepælen.');
    expect(await cover('nb')).toContain('Teksten under «Drømmebildet» nedenfor er den virksomhetene sluttet seg til: uendret siden denne milepælen.');
    const en = await cover('en');
    expect(en).toContain('The shared vision as the organisations endorsed it: the milestone “Etter samling 1”, saved');
    expect(en).toMatch(/\| Bergen kommune \| Objects \| Kari \|/);
    // The milestones section lists each milestone's stances too.
    expect(await download('format=md&lang=en')).toMatch(/Etter samling 1 — .+, saved by Fasilitator Frida\. Helsedirektoratet: Endorses \(Ola, .+\)\. Bergen kommune: Objects \(Kari, .+\) — Sluttbrukarane/);
  });

  it('says when the text has changed since, and names the latest endorsed milestone with where the others stand', async () => {
    const p = provider(s.wsBase, `${f.workshop.id}/vision`, f.participantA, new Y.Doc(VISION_DOC_OPTIONS));
    await synced(p);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Alle barn får hjelp der dei bur.')]);
    visionFragment(p.doc).push([paragraph]);
    const room = `${f.workshop.id}/vision`;
    await until(async () => (await s.app.registry.read(room, (doc) => visionFragment(doc).length)) === 8, 5000, 'the change reached the server');
    p.destroy();
    expect((await json()).visionEndorsement?.textChanged).toBe(true);
    expect(await cover('nn')).toContain('Draumebiletet er endra etter denne milepælen');
    expect(await cover('en')).toContain('The shared vision has been changed since this milestone');

    const m2 = await saveMilestone('Etter samling 2');
    await b.ok('vision.endorse', { milestoneId: m2, stance: 'abstain' });
    expect((await json()).visionEndorsement?.milestoneId).not.toBe(m2); // abstaining endorses nothing
    await a.ok('vision.endorse', { milestoneId: m2, stance: 'endorse' });
    const e = (await json()).visionEndorsement!;
    expect([e.milestone, e.textChanged, e.stances.map((x) => [x.organisation, x.stance])]).toEqual(['Etter samling 2', false, [['Helsedirektoratet', 'endorse'], ['Bergen kommune', 'abstain']]]);
    // A third organisation says nothing yet; Bergen kommune's objection stays on the first milestone.
    await call(s.base, 'POST', `/api/workshops/${f.workshop.id}/organisations`, { name: 'Statsforvaltaren' }, f.facilitator);
    expect((await json()).visionEndorsement!.elsewhere).toEqual([{ organisationId: expect.any(String), organisation: 'Statsforvaltaren', milestone: null, stance: null, at: null }]);
    expect(await cover('nb')).toContain('Ikke tatt standpunkt til drømmebildet ennå: Statsforvaltaren.');
  });

  it('reads an export from before these fields', () => {
    const parsed = CharterExport.safeParse(minimal());
    expect(parsed.error).toBeUndefined();
    expect(parsed.data).toMatchObject({ visionEndorsement: null, milestones: [{ name: 'M', id: '', stances: [] }] });
  });
});

/** The smallest valid export as a server before issue #17 wrote it. */
function minimal(): Record<string, unknown> {
  return {
    format: 'samskap-charter', version: 1, language: 'nn', exportedAt: '2026-01-01T00:00:00.000Z', workshop: { id: 'w', title: 'T', createdAt: '2026-01-01T00:00:00.000Z' },
    organisations: [], vision: [], actors: [], relations: [], maturity: [], paradoxes: [],
    governance: { bodies: [], escalation: [], funding: [], matrix: { parties: [], rows: [] } },
    principles: [], allPrinciples: false, milestones: [{ name: 'M', createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'Kari' }],
    audit: { headHash: 'h', entries: 0, verified: true, signed: false, signatureVerified: false, signature: null, publicKey: 'k', fingerprint: 'f', chain: [], imported: [] },
  };
}
