/**
 * A vision nested thousands of levels deep (quotes in quotes, lists in lists) still exports in
 * every charter format: 200, the text near the top kept, the deepest text kept or visibly
 * truncated, never a 500. The sync endpoint now refuses such nesting (4422 `nesting`, see
 * tests/hostile-sync.test.ts), so the deep vision is written into the store, as a server without
 * that rule would have stored it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_BLOCK_DEPTH, type CharterExport } from '../shared/export/charter-export.js';
import { visionFragment } from '../shared/vision/schema.js';
import { createWorkshop, fixture, type Fixture } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';

const DEPTH = 5000;
/** Deeper than the call stack reaches (about 10,000 frames on Node 20). */
const INLINE_DEPTH = 30_000;
const TOP = 'Overflata av djupet';
const BOTTOM = 'Botnen av djupet';
const INLINE = 'Innpakka tekst';
let s: TestServer;
let f: Fixture;
/** A second workshop whose vision has one paragraph with text inside INLINE_DEPTH elements. */
let inlineWorkshop: { id: string; token: string };
const tmp = mkdtempSync(path.join(tmpdir(), 'samskap-deep-'));

/** `depth` levels of blockquote and bullet_list/list_item, alternating, with text at both ends. */
function nest(doc: Y.Doc, depth: number): void {
  doc.transact(() => {
    const top = new Y.XmlElement('paragraph');
    top.insert(0, [new Y.XmlText(TOP)]);
    let parent: Y.XmlFragment | Y.XmlElement = visionFragment(doc);
    parent.insert(parent.length, [top]);
    for (let i = 0; i < depth; i++) {
      const kind = i % 3 === 0 ? 'blockquote' : i % 3 === 1 ? 'bullet_list' : 'list_item';
      const el = new Y.XmlElement(kind);
      parent.insert(parent.length, [el]);
      parent = el;
    }
    const bottom = new Y.XmlElement('paragraph');
    bottom.insert(0, [new Y.XmlText(BOTTOM)]);
    parent.insert(0, [bottom]);
  });
}

/** A paragraph whose text sits inside `depth` nested unknown elements. */
function wrappedText(depth: number): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  doc.transact(() => {
    let parent = new Y.XmlElement('paragraph');
    visionFragment(doc).insert(0, [parent]);
    for (let i = 0; i < depth; i++) {
      const el = new Y.XmlElement('span');
      parent.insert(0, [el]);
      parent = el;
    }
    parent.insert(0, [new Y.XmlText(INLINE)]);
  });
  return Y.encodeStateAsUpdate(doc);
}

beforeAll(async () => {
  s = await startServer();
  f = await fixture(s.base);
  const doc = new Y.Doc({ gc: false });
  nest(doc, DEPTH);
  await s.app.registry.unloadWhere((name) => name === `${f.workshop.id}/vision`, { compact: false });
  await s.app.store.docs.appendUpdate(`${f.workshop.id}/vision`, Y.encodeStateAsUpdate(doc));
  // Written to the store (the sync endpoint's own limits are not what this test is about).
  const created = await createWorkshop(s.base, 'Djup tekst');
  inlineWorkshop = { id: created.id, token: created.token };
  const room = `${created.id}/vision`;
  await s.app.registry.unloadWhere((name) => name === room, { compact: false });
  await s.app.store.docs.appendUpdate(room, wrappedText(INLINE_DEPTH));
}, 60_000);
afterAll(async () => {
  await s.stop();
  s.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

async function download(format: string, w = { id: f.workshop.id, token: f.observer }): Promise<{ status: number; body: Buffer }> {
  const r = await fetch(`${s.base}/api/workshops/${w.id}/export/charter?format=${format}`, { headers: { authorization: `Bearer ${w.token}` } });
  return { status: r.status, body: Buffer.from(await r.arrayBuffer()) };
}

describe('charter export of a deeply nested vision', () => {
  it('Markdown answers 200 with the text', async () => {
    const r = await download('md');
    expect(r.status).toBe(200);
    const md = r.body.toString('utf8');
    expect(md).toContain(TOP);
    expect(md).toContain(BOTTOM);
  });

  it('JSON answers 200, parses, and keeps the text', async () => {
    const r = await download('json');
    expect(r.status).toBe(200);
    const text = r.body.toString('utf8');
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect(text).toContain(TOP);
    expect(text).toContain(BOTTOM);
  });

  it('DOCX answers 200 with the text', async () => {
    const r = await download('docx');
    expect(r.status).toBe(200);
    const doc = strFromU8(unzipSync(new Uint8Array(r.body))['word/document.xml']!);
    expect(doc).toContain(TOP);
    expect(doc).toContain(BOTTOM);
  });

  it('PDF answers 200 with the text', async () => {
    const r = await download('pdf');
    expect(r.status).toBe(200);
    expect(r.body.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(tmp, 'deep.pdf');
    writeFileSync(file, r.body);
    let text: string;
    try {
      text = execFileSync('pdftotext', [file, '-']).toString();
    } catch {
      return; // poppler-utils missing: export.test.ts reports it; the 200 and the header hold
    }
    expect(text).toContain(TOP);
    expect(text).toContain(BOTTOM);
  });

  it('text wrapped in 30,000 elements exports in every format', async () => {
    for (const format of ['md', 'json', 'docx', 'pdf']) {
      const r = await download(format, inlineWorkshop);
      expect(r.status, format).toBe(200);
      if (format === 'md' || format === 'json') expect(r.body.toString('utf8'), format).toContain(INLINE);
      if (format === 'docx') expect(strFromU8(unzipSync(new Uint8Array(r.body))['word/document.xml']!)).toContain(INLINE);
    }
  });

  it('nests the exported blocks no deeper than MAX_BLOCK_DEPTH', async () => {
    const json = JSON.parse((await download('json')).body.toString('utf8')) as CharterExport;
    let deepest = 0;
    const stack = json.vision.map((b) => ({ b, depth: 0 }));
    for (let x = stack.pop(); x; x = stack.pop()) {
      deepest = Math.max(deepest, x.depth);
      if (x.b.type === 'quote') stack.push(...x.b.blocks.map((b) => ({ b, depth: x.depth + 1 })));
      if (x.b.type === 'list') stack.push(...x.b.items.flat().map((b) => ({ b, depth: x.depth + 1 })));
    }
    expect(deepest).toBe(MAX_BLOCK_DEPTH);
  });
});
