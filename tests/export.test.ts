/**
 * Exports parsed the way a reader's software would: the Markdown as text, the DOCX unzipped and
 * its XML read, the PDF through pdftotext/pdfinfo (poppler-utils), the JSON against its published
 * schema, the SVG through an XML parser, the PNG's header. A hostile-text corpus goes through all.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CharterExport, charterExportJsonSchema } from '../shared/export/charter-export.js';
import { call, fixture, type Fixture } from './helpers/api.js';
import { connectedAll } from './helpers/socket.js';
import { HOSTILE, HOSTILE_VISIBLE } from './helpers/hostile.js';
import { startServer, type TestServer } from './helpers/server.js';
import { inCi } from './helpers/services.js';
import { fillWorkshop, type FilledContent } from './helpers/workshop-content.js';

let s: TestServer;
let f: Fixture;
let content: FilledContent;
const AGREED = 'Vi deler data éin gong, med samtykke.';
const BLOCKED = 'Kvar etat byggjer sitt eige.';
const tmp = mkdtempSync(path.join(tmpdir(), 'samskap-export-'));
beforeAll(async () => {
  s = await startServer();
  f = await fixture(s.base);
  content = await fillWorkshop(s.wsBase, f.workshop, f.facilitator, HOSTILE);
  const draft = async (text: string) => (await call<{ id: string }>(s.base, 'POST', `/api/workshops/${f.workshop.id}/principles`, { text }, f.facilitator)).body.id;
  const [agreed, blocked] = [await draft(AGREED), await draft(BLOCKED)];
  const [fac, a, b] = await connectedAll(s.base, f.facilitator, f.participantA, f.participantB);
  for (const principleId of [agreed, blocked]) await fac.ok('principle.propose', { principleId });
  await a.ok('principle.endorse', { principleId: agreed, stance: 'endorse' });
  await b.ok('principle.endorse', { principleId: agreed, stance: 'endorse', reason: 'Godt for innbyggjarane' });
  await a.ok('principle.endorse', { principleId: blocked, stance: 'endorse' });
  await b.ok('principle.endorse', { principleId: blocked, stance: 'object', reason: HOSTILE[5] });
  for (const x of [fac, a, b]) x.close();
}, 60_000);
afterAll(async () => {
  await s.stop();
  s.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

async function download(pathAndQuery: string, token = f.observer): Promise<{ status: number; type: string; disposition: string; body: Buffer }> {
  const r = await fetch(`${s.base}/api/workshops/${f.workshop.id}${pathAndQuery}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: r.status, type: r.headers.get('content-type') ?? '', disposition: r.headers.get('content-disposition') ?? '', body: Buffer.from(await r.arrayBuffer()) };
}

const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPoppler) {
  const why = 'pdftotext/pdfinfo (Debian poppler-utils) not installed: PDF checks cannot run';
  if (inCi) throw new Error(why);
  console.warn(`SKIPPING PDF checks: ${why}`);
}

const sha = (t: string) => createHash('sha256').update(t).digest('hex');
/** The Markdown as a CommonMark (GFM tables) parser reads it: every node, depth first. */
function mdNodes(md: string): Nodes[] {
  const out: Nodes[] = [];
  const walk = (n: Nodes) => {
    out.push(n);
    if ('children' in n) for (const c of n.children) walk(c);
  };
  walk(fromMarkdown(md, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] }));
  return out;
}
/** What a reader sees of a node: its text, inline code included. */
const shown = (n: Nodes): string => ('value' in n ? n.value : 'children' in n ? n.children.map(shown).join('') : '');
/** Markdown's backslash escapes undone: the text a reader sees. */
const unescapeMd = (md: string) => md.replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('charter export', () => {
  it('Markdown: the structure holds, hostile text stays text', async () => {
    const r = await download('/export/charter?format=md&lang=nn&all=true');
    expect(r.status).toBe(200);
    expect(r.type).toContain('text/markdown');
    expect(r.disposition).toMatch(/^attachment; filename="alvorleg-sjukt-barn-avtale-\d{4}-\d{2}-\d{2}\.md"$/);
    const md = r.body.toString('utf8');
    const nodes = mdNodes(md);
    const headings = nodes.filter((n) => n.type === 'heading').map((h) => `${'#'.repeat(h.depth)} ${shown(h)}`);
    expect(headings[0]).toBe('# Alvorleg sjukt barn — Samarbeidsavtale');
    expect(headings).toContain('## Draumebiletet');
    expect(headings).toContain('### Draumebiletet vårt');
    expect(headings).toContain('## Aktørkart');
    expect(headings.some((h) => h.includes('not a heading'))).toBe(false);
    // No raw HTML, no link produced by user text; the safe link is a link, the unsafe one text.
    expect(nodes.filter((n) => n.type === 'html')).toEqual([]);
    expect(nodes.filter((n) => n.type === 'link').map((l) => [l.url, shown(l)])).toEqual([['https://example.org/a?b=1', 'trygg lenkje']]);
    expect(md).toContain('[trygg lenkje](https://example.org/a?b=1)');
    expect(md).toContain('farleg lenkje');
    expect(md).not.toMatch(/\u202e|\u0000|\u0007/);
    const texts = nodes.filter((n) => n.type === 'text').map((n) => n.value);
    for (const v of HOSTILE_VISIBLE) expect(texts.some((t) => t.includes(v)), v).toBe(true);
    // all=true lists the blocked principle too, with the objection and its (hostile) reason.
    expect(texts).toContain(BLOCKED);
    const rows = nodes.filter((n) => n.type === 'tableRow').map((row) => row.children.map(shown));
    expect(rows).toContainEqual(expect.arrayContaining(['Bergen kommune', 'Har innvending', 'Kari', "=cmd|' /C calc'!A0"]));
    // Table rows keep their column count even with pipes in the text.
    expect(rows.find((c) => c[0] === 'NAV' && c[1] === 'finansierer')).toHaveLength(4);
    // Prose punctuation is not escaped (the layout's own "Eksportert: <date>" line).
    expect(md).toMatch(/^Eksportert: \d/m);
  });

  it("words the staircase and the paradoxes as the report does, with where each wants to be and the gap", async () => {
    const en = unescapeMd((await download('/export/charter?format=md&lang=en')).body.toString('utf8'));
    expect(en).toContain('| Organisation | Today | Wants to be | Also stands on | Justification |');
    expect(en).toContain('| Bergen kommune (at the table as Bergen kommune) | Municipality |');
    expect(en).toContain('| Bergen kommune | 3: Digital services for our own users | 4: Seamless services together with others | 2 | Godt i gang (changed by');
    expect(en).toContain('### Local solutions and collaboration ↔ Centralised initiatives and solutions');
    expect(en).toContain('Local solutions and collaboration at the expense of centralised initiatives and solutions.');
    expect(en).toContain('The partnership wants to be: 70 / 100 (Meir felles)');
    expect(en).toMatch(/\| Helsedirektoratet \| 30 \| 40 towards Centralised initiatives and solutions \|/);
    const nn = unescapeMd((await download('/export/charter?format=md&lang=nn')).body.toString('utf8'));
    expect(nn).toContain('| Verksemd | I dag | Vil vere | Står òg på | Grunngiving |');
    expect(nn).toContain('40 mot Sentraliserte initiativ og løysingar');
  });

  it('by default only agreed principles, each with every organisation’s stance, person, time, reason and text hash', async () => {
    const md = unescapeMd((await download('/export/charter?format=md&lang=en')).body.toString('utf8'));
    expect(md).toContain('## Agreed principles');
    expect(md).toContain(AGREED);
    expect(md).not.toContain(BLOCKED);
    expect(md).toContain('Status: Agreed · Decision rule: Consensus');
    expect(md).toContain(`\`${sha(AGREED)}\``);
    expect(md).toMatch(/\| Helsedirektoratet \| Endorses \| Ola \| \d+ \w+ 20\d\d/);
    expect(md).toContain('| Bergen kommune | Endorses | Kari |');
    expect(md).toContain('Godt for innbyggjarane');
    const json = JSON.parse((await download('/export/charter?format=json')).body.toString('utf8')) as CharterExport;
    expect(json.allPrinciples).toBe(false);
    expect(json.principles).toHaveLength(1);
    expect(json.principles[0]).toMatchObject({ text: AGREED, status: 'agreed', rule: 'consensus', textHash: sha(AGREED) });
    expect(json.principles[0]!.stances.map((x) => [x.organisation, x.stance, x.person])).toEqual([
      ['Helsedirektoratet', 'endorse', 'Ola'],
      ['Bergen kommune', 'endorse', 'Kari'],
    ]);
    const audit = (await call<{ entries: { hash: string; signature?: string }[]; verification: { ok: boolean }; signature: { publicKey: string; fingerprint: string } }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/audit`, undefined, f.facilitator)).body;
    expect(json.audit).toMatchObject({ headHash: audit.entries.at(-1)!.hash, entries: audit.entries.length, verified: true, signed: true, signatureVerified: true });
    expect(json.audit).toMatchObject({ signature: audit.entries.at(-1)!.signature, publicKey: audit.signature.publicKey, fingerprint: audit.signature.fingerprint, imported: [] });
    expect(json.audit.chain.map((e) => e.hash)).toEqual(audit.entries.map((e) => e.hash));
  });

  it('DOCX: real headings, lists, tables with header rows, language, title and author', async () => {
    const r = await download('/export/charter?format=docx&lang=nb');
    expect(r.status).toBe(200);
    const files = unzipSync(new Uint8Array(r.body));
    const doc = strFromU8(files['word/document.xml']!);
    const styles = strFromU8(files['word/styles.xml']!);
    const core = strFromU8(files['docProps/core.xml']!);
    for (const xml of [doc, styles, core]) expect(XMLValidator.validate(xml)).toBe(true);
    expect(doc).toContain('<w:pStyle w:val="Heading1"/>');
    expect(doc).toContain('<w:pStyle w:val="Heading2"/>');
    expect(doc).toContain('<w:tblHeader/>');
    expect(doc).toContain('<w:numPr>');
    expect(styles).toContain('w:val="nb-NO"');
    expect(core).toContain('<dc:title>Alvorleg sjukt barn — Samarbeidsavtale</dc:title>');
    expect(core).toContain('<dc:creator>Samskap</dc:creator>');
    const text = [...doc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    const decoded = new XMLParser({ processEntities: true }).parse(`<x>${text.replace(/\n/g, ' ')}</x>`).x as string;
    expect(decoded).toContain('Drømmebildet');
    expect(decoded).toContain(AGREED);
    expect(decoded).toContain('Slutter seg til');
    expect(doc).not.toContain('<script>');
    expect(doc).not.toMatch(/\u202e/);
    for (const v of HOSTILE_VISIBLE.filter((x) => !x.includes('&amp;'))) expect(decoded.replace(/\s+/g, ' '), v).toContain(v);
    // The actor map as a picture, with a text alternative naming the actors.
    expect(Object.keys(files).some((n) => /^word\/media\/.+\.png$/.test(n))).toBe(true);
    expect(doc).toMatch(/<wp:docPr [^>]*descr="Aktørkart: NAV, Bergen kommune"/);
    const rels = strFromU8(files['word/_rels/document.xml.rels']!);
    expect(rels).toContain('https://example.org/a?b=1');
    expect(rels).not.toContain('javascript:');
  });

  it.skipIf(!hasPoppler)('PDF: text with Norwegian letters, outline, language and title', async () => {
    const r = await download('/export/charter?format=pdf&lang=nn');
    expect(r.status).toBe(200);
    expect(r.body.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(tmp, 'charter.pdf');
    writeFileSync(file, r.body);
    const info = execFileSync('pdfinfo', [file]).toString();
    expect(info).toMatch(/Title:\s+Alvorleg sjukt barn — Samarbeidsavtale/);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('Draumebiletet vårt');
    expect(text).toContain('Kva vi skal oppnå saman');
    expect(text).toContain('Helsedirektoratet');
    expect(text).toContain(AGREED);
    expect(text).toContain(sha(AGREED));
    for (const v of ['alert(1)', 'not a heading', "=cmd|' /C calc'!A0", 'ABCevil-DEF']) expect(text, v).toContain(v);
    const raw = r.body.toString('latin1');
    expect(raw).toContain('/Lang (nn-NO)');
    expect(raw).toMatch(/\/Outlines \d+ 0 R/);
    expect(raw).toContain('/DisplayDocTitle true');
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).toMatch(/\/Subtype \/Image/); // the actor map
    // Outline entries: one per heading, nested.
    expect((raw.match(/\/Parent \d+ 0 R/g) ?? []).length).toBeGreaterThan(10);
  });

  it('JSON: valid against the published schema, which matches the code', async () => {
    const published = JSON.parse(readFileSync('docs/charter-export.schema.json', 'utf8')) as Record<string, unknown>;
    expect(published).toEqual(JSON.parse(JSON.stringify(charterExportJsonSchema())));
    const r = await download('/export/charter?format=json&all=true');
    expect(r.status).toBe(200);
    const data = JSON.parse(r.body.toString('utf8')) as CharterExport;
    const validate = new Ajv2020({ strict: false }).compile(published);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data.language).toBe('nn');
    expect(data.organisations.map((o) => o.name)).toEqual(['Helsedirektoratet', 'Bergen kommune']);
    expect(data.actors.map((a) => a.name)).toEqual(['NAV', 'Bergen kommune']);
    expect(data.actors[0]!.gains).toBe('ABCevil-DEF');
    expect(data.relations).toEqual([{ from: 'NAV', to: 'Bergen kommune', kind: 'funds', note: HOSTILE[3] }]);
    expect(data.governance.matrix.parties).toEqual(['Styringsgruppe', 'Bergen kommune']);
    expect(data.governance.matrix.rows[0]!.cells).toEqual(['decide', 'consult']);
    const hrefs = [...JSON.stringify(data.vision).matchAll(/"href":"([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['https://example.org/a?b=1']);
    expect(data.audit.entries).toBeGreaterThan(0);
    expect(data.audit.headHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("carries the report's methods in every format: benefits with amounts and their total, roadmap, services and their overlaps, the life event", async () => {
    const json = JSON.parse((await download('/export/charter?format=json', f.facilitator)).body.toString('utf8')) as CharterExport;
    expect(json.benefits.map((b) => [b.what, b.payer, b.gainer, b.when, b.amount])).toEqual([
      ['Færre skjema å fylle ut', 'Bergen kommune', 'Familiane', '2027', 1_500_000],
      [HOSTILE[9], 'Nav', 'Samfunnet', 'Kvart år', 250_000.5],
      ['Tryggare foreldre', 'Helsedirektoratet', 'Familiane', '', null],
    ]);
    // Now, next, later, whatever order they were written in.
    expect(json.roadmap.map((r) => [r.horizon, r.text, r.owner])).toEqual([
      ['now', 'Felles innsyn i saka', 'Nav'],
      ['next', HOSTILE[10], ''],
      ['later', 'Éin søknad for alle ytingar', 'Helsedirektoratet'],
    ]);
    const [orgA, orgB] = f.workshop.organisations;
    expect(json.services.map((x) => [x.name, x.organisationId, x.organisation])).toEqual([
      ['Ungdomslos', orgA!.id, 'Helsedirektoratet'],
      ['Jobbsjansen', orgB!.id, 'Bergen kommune'],
      ['Bustøtte', null, null],
    ]);
    expect(json.serviceOverlaps).toEqual([
      { targetGroup: 'Unge 16–24', theme: 'Arbeid', services: [{ name: 'Ungdomslos', organisation: 'Helsedirektoratet' }, { name: 'Jobbsjansen', organisation: 'Bergen kommune' }] },
    ]);
    expect(json.lifeEvent).toEqual({
      name: 'Alvorleg sjukt barn',
      owner: 'Helsedirektoratet',
      scope: 'Frå diagnose til det første året heime',
      mandate: 'Samordne tenestene rundt familien',
      funding: 'Kvar etat ber sine eigne kostnader',
    });
    // An export written before the methods existed still reads, with them empty.
    const { benefits, roadmap, services, serviceOverlaps, lifeEvent, ...older } = json;
    expect([benefits, roadmap, services, serviceOverlaps, lifeEvent].every((x) => x !== undefined)).toBe(true);
    expect(CharterExport.parse(older)).toMatchObject({ benefits: [], roadmap: [], services: [], serviceOverlaps: [], lifeEvent: null });

    // Markdown, as a reader's parser sees it: sections, tables, amounts with separators and currency.
    const nnMd = (await download('/export/charter?format=md&lang=nn', f.facilitator)).body.toString('utf8');
    const nodes = mdNodes(nnMd);
    const headings = nodes.filter((n) => n.type === 'heading').map((x) => `${'#'.repeat(x.depth)} ${shown(x)}`);
    const order = ['## Styringsmodell', '## Gevinstkart', '## Vegkart', '## Overlappande tenester', '### Overlappar', '## Livshending', '## Vedtekne prinsipp'];
    expect(order.map((x) => headings.indexOf(x)).every((i, k, all) => i > (all[k - 1] ?? -1))).toBe(true);
    const rows = nodes.filter((n) => n.type === 'tableRow').map((row) => row.children.map((c) => shown(c).replace(/\u00a0|\u202f/g, ' ')));
    expect(rows).toContainEqual(['Gevinst', 'Kven betaler', 'Kven vinn', 'Når', 'Beløp']);
    expect(rows).toContainEqual(['Færre skjema å fylle ut', 'Bergen kommune', 'Familiane', '2027', '1 500 000 kr']);
    expect(rows).toContainEqual(['Tryggare foreldre', 'Helsedirektoratet', 'Familiane', '—', '—']);
    expect(rows).toContainEqual(['Til saman', '', '', '', '1 750 000,50 kr']);
    expect(rows).toContainEqual(['No', 'Felles innsyn i saka', 'Nav']);
    expect(rows).toContainEqual(['Seinare', 'Éin søknad for alle ytingar', 'Helsedirektoratet']);
    expect(rows).toContainEqual(['Bustøtte', 'Unge 16–24', 'Bustad', '—']);
    const texts = nodes.filter((n) => n.type === 'text').map((n) => n.value);
    expect(texts).toContain('Unge 16–24, Arbeid');
    expect(texts).toContain(': Ungdomslos (Helsedirektoratet); Jobbsjansen (Bergen kommune)');
    expect(texts).toContain('Samordne tenestene rundt familien');
    const en = unescapeMd((await download('/export/charter?format=md&lang=en', f.facilitator)).body.toString('utf8')).replace(/\u00a0/g, ' ');
    expect(en).toContain('| Benefit | Who pays | Who gains | When | Amount |');
    expect(en).toContain('| Færre skjema å fylle ut | Bergen kommune | Familiane | 2027 | NOK 1,500,000 |');
    expect(en).toContain('| Total |  |  |  | NOK 1,750,000.50 |');
    expect(en).toContain('| Horizon | Initiative | Owner |');
    expect(en).toContain('## Life event');

    const docx = unzipSync(new Uint8Array((await download('/export/charter?format=docx&lang=nb', f.facilitator)).body));
    const words = [...strFromU8(docx['word/document.xml']!).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
    for (const x of ['Gevinstkart', 'Veikart', 'Overlappende tjenester', 'Livshendelse', 'Hvem betaler', 'Senere', 'Jobbsjansen (Bergen kommune)']) expect(words, x).toContain(x);
    expect(words.replace(/\u00a0/g, ' ')).toContain('1 500 000 kr');

    if (!hasPoppler) return;
    const file = path.join(tmp, 'methods.pdf');
    writeFileSync(file, (await download('/export/charter?format=pdf&lang=nn', f.facilitator)).body);
    const pdf = execFileSync('pdftotext', [file, '-']).toString().replace(/\u00a0/g, ' ');
    for (const x of ['Gevinstkart', 'Vegkart', 'Overlappande tenester', 'Livshending', '1 500 000 kr', 'Felles innsyn i saka', 'Samordne tenestene rundt familien']) expect(pdf, x).toContain(x);
  });

  it('refuses a bad query and strangers; observers may export', async () => {
    expect((await download('/export/charter?format=exe')).status).toBe(400);
    expect((await download('/export/charter?format=md&lang=de')).status).toBe(400);
    expect((await download('/export/charter?format=md&extra=1')).status).toBe(400);
    const r = await fetch(`${s.base}/api/workshops/${f.workshop.id}/export/charter?format=md`);
    expect(r.status).toBe(401);
  });
});

describe('board export', () => {
  it('SVG: well-formed, every element kind, organisation colours, escaped text', async () => {
    const r = await download(`/export/board/${f.workshop.boards[0]!.id}?format=svg`);
    expect(r.status).toBe(200);
    expect(r.type).toContain('image/svg+xml');
    const svg = r.body.toString('utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    const kinds = [...svg.matchAll(/data-kind="(\w+)"/g)].map((m) => m[1]);
    for (const k of ['frame', 'note', 'rect', 'ellipse', 'diamond', 'text', 'pen', 'connector']) expect(kinds).toContain(k);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&#60;script&#62;');
    expect(svg).not.toMatch(/\u202e/);
    expect(svg).toContain('#1d4ed8'); // the first organisation's automatic colour band
    expect(svg).toContain('Utanfor ramma');
  });

  it('SVG of one frame leaves out what lies outside it; unknown frames are 404', async () => {
    const r = await download(`/export/board/${f.workshop.boards[0]!.id}?format=svg&frame=${content.frameId}`);
    expect(r.status).toBe(200);
    const svg = r.body.toString('utf8');
    expect(svg).not.toContain('Utanfor ramma');
    expect(svg).toContain('Ramme ein');
    expect(svg).toMatch(/viewBox="-40 -40 980 580"/);
    expect((await download(`/export/board/${f.workshop.boards[0]!.id}?format=svg&frame=${content.boardElements.note}`)).status).toBe(404);
    expect((await download(`/export/board/AAAAAAAAAAAAAAAA?format=svg`)).status).toBe(404);
  });

  it('PNG: a real image of the board', async () => {
    const r = await download(`/export/board/${f.workshop.boards[0]!.id}?format=png&frame=${content.frameId}`);
    expect(r.status).toBe(200);
    expect(r.body.subarray(1, 4).toString()).toBe('PNG');
    expect(r.body.readUInt32BE(16)).toBe(1960); // width: (900 + 2 × 40) × 2
    expect(r.body.readUInt32BE(20)).toBe(1160);
  });
});
