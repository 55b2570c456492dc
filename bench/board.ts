/**
 * `npm run bench:board`: the board in headless Chromium with 5,000 elements. Prints the time from
 * navigation to all visible elements painted, frame times (p50/p95) while panning and zooming for
 * 5 s, JS heap, how many elements are in the DOM (culling), and the built client's JS size (gzip)
 * the page needs to start (entry + preloads), what it fetched before the board painted (the locale,
 * the live connection's code and Shoelace parts load beside the board's sync), and what is fetched
 * later in idle time for the other tabs. Goals (issue #3): < 1.5 s first paint, p95 < 16.7 ms,
 * < 150 KB gzip.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { build } from 'vite';
import { BoardDoc } from '../shared/board/board-doc.js';
import type { ElementKind } from '../shared/board/schema.js';
import { authorFor, syncMessage } from './lib/clients.js';
import { startSamskap } from './lib/servers.js';

const ELEMENTS = Number(process.env.BENCH_ELEMENTS ?? 5000);
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const r1 = (n: number) => Math.round(n * 10) / 10;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn' });
const server = await startSamskap();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
try {
  const context = await browser.newContext({ baseURL: server.base, viewport: { width: 1440, height: 900 } });
  // tsx (esbuild keepNames) wraps functions passed to page.evaluate in __name(); give the page one.
  await context.addInitScript('window.__name = (f) => f;');
  const page = await context.newPage();
  await page.goto('/');
  const w = await page.evaluate(async () => {
    const res = await fetch('/api/workshops', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Ytelse', organisations: [{ name: 'A' }, { name: 'B' }, { name: 'C' }], displayName: 'Bench', organisationIndex: 0 }) });
    return (await res.json()) as { id: string; token: string; organisations: { id: string; name: string }[] };
  });
  const ws0 = (await (await fetch(`${server.base}/api/workshops/${w.id}`, { headers: { authorization: `Bearer ${w.token}` } })).json()) as { boards: { room: string }[] };
  const room = ws0.boards[0]!.room;
  // Everything written by the facilitator who seeds it: the server refuses elements naming anyone else.
  const author = await authorFor(`${server.base.replace('http', 'ws')}/sync/${room}?token=${w.token}`);

  // Fill the board: a grid of notes, shapes and text, 3 organisations, as one update.
  const doc = new Y.Doc();
  let n = 0;
  const board = new BoardDoc(doc, () => `e${(n++).toString().padStart(15, '0')}`);
  const kinds: ElementKind[] = ['note', 'note', 'note', 'rect', 'ellipse', 'text', 'diamond'];
  doc.transact(() => {
    for (let i = 0; i < ELEMENTS; i++) {
      board.create({ kind: kinds[i % kinds.length]!, x: (i % 100) * 220, y: Math.floor(i / 100) * 180, text: `Innspel ${i}: felles løysing` }, author, 'bench');
    }
  });
  const update = Y.encodeStateAsUpdate(doc);
  const seed = new WebSocket(`${server.base.replace('http', 'ws')}/sync/${room}?token=${w.token}`);
  await new Promise((r) => seed.once('open', r));
  seed.send(syncMessage(2, update));
  await new Promise((r) => setTimeout(r, 1500));
  seed.close();

  const jsBodies: Promise<Buffer>[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') jsBodies.push(r.body());
  });
  // Measure from navigation start to the first frame in which elements are in the DOM and stable.
  await page.goto(`/w/${w.id}`);
  const firstPaintMs: number = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let last = -1;
        let stable = 0;
        const find = () => {
          const app = document.querySelector('sk-app')?.shadowRoot;
          const ws = app?.querySelector('sk-workshop-page')?.shadowRoot;
          const bp = ws?.querySelector('sk-board-page')?.shadowRoot;
          return bp?.querySelector('sk-board-canvas')?.shadowRoot?.querySelectorAll('[data-id]').length ?? 0;
        };
        const tick = () => {
          const count = find();
          if (count > 0 && count === last) stable++;
          else stable = 0;
          last = count;
          if (stable >= 2) resolve(performance.now());
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
  const inDom = await page.locator('sk-board-canvas [data-id]').count();
  // Scripts the board needed to paint; what comes later (the other tabs, fetched in idle time) is counted apart.
  const scriptsAtFirstPaint = jsBodies.length;

  // Frame times for 5 s: 2.5 s panning (wheel), then 2.5 s zooming around the pointer (ctrl+wheel).
  const canvas = page.locator('sk-board-canvas .viewport');
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const measure = async (zoom: boolean): Promise<number[]> => {
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __stop: boolean };
      w.__frames = [];
      w.__stop = false;
      let prev = performance.now();
      const loop = (t: number) => {
        w.__frames.push(t - prev);
        prev = t;
        if (!w.__stop) requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    });
    const end = Date.now() + 2500;
    for (let i = 0; Date.now() < end; i++) {
      if (zoom) {
        await page.keyboard.down('Control');
        await page.mouse.wheel(0, i % 40 < 20 ? -30 : 30);
        await page.keyboard.up('Control');
      } else await page.mouse.wheel(i % 60 < 30 ? 40 : -40, 25);
      await page.waitForTimeout(16);
    }
    return page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __stop: boolean };
      w.__stop = true;
      return w.__frames.slice(1);
    });
  };
  const panFrames = await measure(false);
  const zoomFrames = await measure(true);
  const inDomAfter = await page.locator('sk-board-canvas [data-id]').count();
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN);
  const gzipped = (await Promise.all(jsBodies)).map((body) => gzipSync(body).length);
  const jsGzip = gzipped.slice(0, scriptsAtFirstPaint).reduce((a, b) => a + b, 0);
  const jsIdle = gzipped.slice(scriptsAtFirstPaint).reduce((a, b) => a + b, 0);
  // What the page cannot start without: the entry script and the modules it preloads (index.html).
  const dist = path.resolve('dist/client');
  const entryFiles = [...new Set(readFileSync(path.join(dist, 'index.html'), 'utf8').match(/assets\/[^"]+\.js/g) ?? [])];
  const jsEntry = entryFiles.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(dist, f))).length, 0);

  console.log(`Board benchmark (${ELEMENTS} elements, 1440×900, headless Chromium)`);
  console.table({
    'first paint of visible elements (ms)': Math.round(firstPaintMs),
    'elements in the DOM at first paint': inDom,
    'elements in the DOM after panning': inDomAfter,
    'frames measured (pan / zoom)': `${panFrames.length} / ${zoomFrames.length}`,
    'panning: frame time p50 / p95 (ms)': `${r1(pct(panFrames, 50))} / ${r1(pct(panFrames, 95))}`,
    'zooming: frame time p50 / p95 (ms)': `${r1(pct(zoomFrames, 50))} / ${r1(pct(zoomFrames, 95))}`,
    'JS heap used (MB)': Math.round(heap / 1e5) / 10,
    'JS the page needs to start: entry + preloads (KB gzip)': Math.round(jsEntry / 102.4) / 10,
    'JS fetched before the board painted (KB gzip)': Math.round(jsGzip / 102.4) / 10,
    'JS fetched later in idle time, for offline tabs (KB gzip)': Math.round(jsIdle / 102.4) / 10,
    'document size (KB)': Math.round(update.length / 102.4) / 10,
  });
} finally {
  await browser.close();
  await server.stop();
}
