/**
 * Images on the board in real Chromium (issue #16): by the file picker ("Set inn bilete …"),
 * by paste and by drop; the picture is loaded and shown inside its box, its description is written
 * like any text (Enter) and becomes its alternative text and caption; a file that is not a PNG,
 * JPEG or WebP image, or that only pretends to be, is refused in words and nothing is placed.
 * Another member sees the picture. axe-clean; the button in Bokmål and English.
 */
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAxeClean } from './axe.js';
import { apiErrorStatus } from './chromium.js';
import { postFromPage, useBrowserWorld } from './pages.js';

const STEP = { timeout: 30_000 };
const world = useBrowserWorld();
const { watches } = world;

function crc32(buf: Buffer): number {
  let crc = 0xffffffff;
  for (const b of buf) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
/** A real PNG, `w` × `h`, in one colour. */
function png(w: number, h: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const rows = Buffer.alloc(h * (1 + 3 * w));
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rows.set(rgb, y * (1 + 3 * w) + 1 + 3 * x);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const openPage = (): Promise<Page> => world.openPage();

const images = (p: Page) => p.locator('sk-board-canvas .el.image');
/** Each picture's box on screen and whether it has loaded. */
const pictures = (p: Page) =>
  images(p).evaluateAll((els) =>
    els.map((el) => {
      const img = el.querySelector('img');
      const r = (img ?? el).getBoundingClientRect();
      return { loaded: !!img && img.complete && img.naturalWidth > 0, w: r.width, h: r.height, alt: img?.alt ?? null };
    }),
  );

/** Files into the page as if pasted or dropped (DataTransfer cannot be made outside the page). */
async function transfer(p: Page, how: 'paste' | 'drop', files: Array<{ name: string; type: string; b64: string }>): Promise<void> {
  const view = (await p.locator('sk-board-canvas .viewport').boundingBox())!;
  await p.locator('sk-board-canvas .viewport').focus();
  await p.locator('sk-board-canvas').evaluate(
    (canvas, [kind, list, x, y]) => {
      const dt = new DataTransfer();
      for (const f of list as Array<{ name: string; type: string; b64: string }>) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
      if (kind === 'paste') document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      else canvas.shadowRoot!.querySelector('.viewport')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, composed: true, cancelable: true, clientX: x as number, clientY: y as number }));
    },
    [how, files, view.x + view.width / 2, view.y + view.height / 2] as const,
  );
}

describe('images on the board', () => {
  let fac: Page;
  let ola: Page;

  it('places a picture from the file picker, loaded and shown in its box', STEP, async () => {
    fac = await openPage();
    const created = await postFromPage<{ id: string; organisations: Array<{ id: string }> }>(fac, '/api/workshops', { title: 'Bilete', organisations: [{ name: 'Nav' }], displayName: 'Kari' });
    const invite = await postFromPage<{ token: string }>(fac, `/api/workshops/${created.id}/invites`, { role: 'participant', organisationId: created.organisations[0]!.id });
    ola = await openPage();
    await postFromPage(ola, '/api/join', { inviteToken: invite.token, displayName: 'Ola' });
    for (const p of [fac, ola]) {
      await p.goto(`/w/${created.id}`);
      await p.getByText('Tavla er tom', { exact: false }).waitFor();
    }
    const [chooser] = await Promise.all([fac.waitForEvent('filechooser'), fac.getByRole('button', { name: 'Set inn bilete …' }).click()]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles({ name: 'kart.png', mimeType: 'image/png', buffer: png(320, 200, [30, 90, 160]) });
    await expect.poll(() => pictures(fac)).toEqual([{ loaded: true, w: expect.any(Number) as number, h: expect.any(Number) as number, alt: '' }]);
    const [box] = await pictures(fac);
    expect(box!.w).toBeGreaterThan(100);
    expect(box!.h / box!.w).toBeCloseTo(200 / 320, 1);
    // Another member sees it too.
    await expect.poll(async () => (await pictures(ola)).map((x) => x.loaded)).toEqual([true]);
  });

  it('takes a description like any text: the alternative text and a caption', STEP, async () => {
    await images(fac).first().focus();
    await fac.keyboard.press('Enter');
    await fac.locator('sk-board-canvas textarea.editor').waitFor();
    await fac.keyboard.type('Kart over tenestene');
    await fac.keyboard.press('Escape');
    await expect.poll(async () => (await pictures(ola))[0]?.alt).toBe('Kart over tenestene');
    await images(fac).first().locator('.caption', { hasText: 'Kart over tenestene' }).waitFor();
    await expectAxeClean(fac);
  });

  it('takes pictures by paste and by drop', STEP, async () => {
    await transfer(fac, 'paste', [{ name: 'skjermbilete.png', type: 'image/png', b64: png(100, 100, [200, 60, 60]).toString('base64') }]);
    await expect.poll(async () => (await pictures(fac)).length).toBe(2);
    await transfer(fac, 'drop', [{ name: 'foto.png', type: 'image/png', b64: png(60, 120, [60, 160, 60]).toString('base64') }]);
    await expect.poll(async () => (await pictures(fac)).filter((x) => x.loaded).length).toBe(3);
  });

  it('refuses what is not a PNG, JPEG or WebP picture, in words, placing nothing', STEP, async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64');
    await transfer(fac, 'drop', [{ name: 'teikning.svg', type: 'image/svg+xml', b64: svg }]);
    const problem = fac.locator('sk-board-canvas .problem');
    await problem.getByText('Berre PNG-, JPEG- og WebP-bilete kan leggjast på tavla.').waitFor();
    // An SVG that calls itself a PNG: the server reads its bytes (and the browser logs its 415).
    watches[1]!.allow(apiErrorStatus(415));
    await transfer(ola, 'paste', [{ name: 'lureri.png', type: 'image/png', b64: svg }]);
    await ola.locator('sk-board-canvas .problem').getByText('lureri.png vart ikkje lagt til: Berre PNG-, JPEG- og WebP-bilete kan leggjast til.').waitFor();
    expect(await images(fac).count()).toBe(3);
    expect(await images(ola).count()).toBe(3);
  });

  it('names the button in Bokmål and English too', STEP, async () => {
    for (const [lang, name] of [
      ['nb', 'Sett inn bilde …'],
      ['en', 'Insert image…'],
    ] as const) {
      await fac.locator('sk-app #language').selectOption(lang);
      await fac.getByRole('button', { name }).waitFor();
      await expectAxeClean(fac);
    }
  });

  it('had no console problems', () => {
    for (const w of watches) expect(w.problems).toEqual([]);
  });
});
