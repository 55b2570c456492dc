/**
 * Images on boards over real HTTP and y-websocket (issue #16): PNG, JPEG and WebP are taken by
 * their bytes (never SVG, never a renamed file), within IMAGE_MAX_BYTES and the workshop's quota;
 * members fetch them back as exactly what was checked (nosniff, `default-src 'none'`), nobody else;
 * an `image` element names one, the SVG export embeds it, and a backup carries it to another
 * server (version 2; a forged image in a backup is refused). Nothing is stored when refused.
 */
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedWorkshopDto, ImageUploadDto, WorkshopDto } from '../shared/api.js';
import { BoardDoc } from '../shared/board/board-doc.js';
import { authorOf, call, fixture, type Fixture } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { provider, synced, until } from './helpers/sync.js';

function crc32(buf: Buffer): number {
  let crc = 0xffffffff;
  for (const b of buf) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
/** A real PNG of `w` × `h` grey pixels. */
function png(w: number, h: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const rows = Buffer.alloc(h * (1 + 3 * w), 0x80);
  for (let y = 0; y < h; y++) rows[y * (1 + 3 * w)] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
/** The markers a JPEG reader needs for its size (start of image, JFIF header, a baseline frame 3 × 2, end). */
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x02, 0x00, 0x03, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9,
]);
/** A lossless WebP header of 4 × 3. */
function webp(): Buffer {
  const vp8l = Buffer.from([0x2f, 3, 128, 0, 0]);
  const body = Buffer.concat([Buffer.from('WEBP'), Buffer.from('VP8L'), Buffer.from([vp8l.length, 0, 0, 0]), vp8l, Buffer.from([0])]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from('RIFF'), size, body]);
}
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');

let s: TestServer;
let other: TestServer;
let f: Fixture;

beforeAll(async () => {
  [s, other] = await Promise.all([startServer({ IMAGE_MAX_BYTES: String(64 * 1024), IMAGE_QUOTA_BYTES: String(200 * 1024) }), startServer()]);
  f = await fixture(s.base);
});
afterAll(async () => {
  await Promise.all([s.stop(), other.stop()]);
  s.cleanup();
  other.cleanup();
});

const upload = (body: Buffer, token: string, type = 'application/octet-stream', workshopId = f.workshop.id, base = s.base) =>
  fetch(`${base}/api/workshops/${workshopId}/images`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body: new Uint8Array(body) });
const fetchImage = (id: string, token: string | null, workshopId = f.workshop.id, base = s.base) =>
  fetch(`${base}/api/workshops/${workshopId}/images/${id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const errorCode = async (r: Response) => ((await r.json()) as { error: { code: string } }).error.code;

describe('images on boards', () => {
  let first: ImageUploadDto;

  it('takes PNG, JPEG and WebP by their bytes, whatever the request says they are', async () => {
    const r = await upload(png(40, 30), f.participantA, 'text/html');
    expect(r.status).toBe(201);
    first = (await r.json()) as ImageUploadDto;
    expect(first).toMatchObject({ mime: 'image/png', width: 40, height: 30, size: png(40, 30).length });
    expect(await (await upload(JPEG, f.participantB, 'image/png')).json()).toMatchObject({ mime: 'image/jpeg', width: 3, height: 2 });
    expect(await (await upload(webp(), f.facilitator)).json()).toMatchObject({ mime: 'image/webp', width: 4, height: 3 });
  });

  it('serves an image to members only, as exactly what was checked, able to run nothing', async () => {
    const r = await fetchImage(first.id, f.observer);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/png');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(Buffer.from(await r.arrayBuffer()).equals(png(40, 30))).toBe(true);
    expect((await fetchImage(first.id, null)).status).toBe(401);
    const stranger = await fixture(s.base);
    expect((await fetchImage(first.id, stranger.facilitator)).status).toBe(404);
    // Another workshop's member naming this workshop's image under their own workshop: not found.
    expect((await fetchImage(first.id, stranger.facilitator, stranger.workshop.id)).status).toBe(404);
  });

  it('refuses SVG, fakes, empty and oversized bodies, observers and strangers, storing nothing', async () => {
    const before = (await call<{ entries: { type: string }[] }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/audit`, undefined, f.facilitator)).body.entries.filter((e) => e.type === 'image.added').length;
    const svg = await upload(SVG, f.participantA, 'image/svg+xml');
    expect([svg.status, await errorCode(svg)]).toEqual([415, 'unsupported_media_type']);
    const fake = await upload(Buffer.concat([png(2, 2).subarray(0, 8), Buffer.from('<html>not really</html>')]), f.participantA, 'image/png');
    expect(fake.status).toBe(415);
    const renamed = await upload(Buffer.from('GIF89a\x01\x00\x01\x00'), f.participantA, 'image/png');
    expect(renamed.status).toBe(415);
    expect((await upload(Buffer.alloc(0), f.participantA)).status).toBe(400);
    const big = await upload(png(200, 200).length > 64 * 1024 ? png(200, 200) : Buffer.concat([png(2, 2), Buffer.alloc(70 * 1024)]), f.participantA);
    expect([big.status, await errorCode(big)]).toEqual([413, 'payload_too_large']);
    expect((await upload(png(2, 2), f.observer)).status).toBe(403);
    const stranger = await fixture(s.base);
    expect((await upload(png(2, 2), stranger.facilitator)).status).toBe(404);
    const after = (await call<{ entries: { type: string }[] }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/audit`, undefined, f.facilitator)).body.entries.filter((e) => e.type === 'image.added').length;
    expect(after).toBe(before);
  });

  it('keeps a workshop within its quota', async () => {
    // 200 KB in all; each of these is about 40 KB (incompressible noise).
    const noisy = () => {
      const w = 115;
      const rows = Buffer.alloc(w * (1 + 3 * w));
      for (let i = 0; i < rows.length; i++) rows[i] = (i * 2654435761) >>> 24;
      for (let y = 0; y < w; y++) rows[y * (1 + 3 * w)] = 0;
      const ihdr = Buffer.alloc(13);
      ihdr.writeUInt32BE(w, 0);
      ihdr.writeUInt32BE(w, 4);
      ihdr[8] = 8;
      ihdr[9] = 2;
      return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(rows, { level: 0 })), chunk('IEND', Buffer.alloc(0))]);
    };
    const n = noisy();
    expect(n.length).toBeGreaterThan(35 * 1024);
    expect(n.length).toBeLessThan(64 * 1024);
    let stored = 0;
    let refused: Response | null = null;
    for (let i = 0; i < 8 && !refused; i++) {
      const r = await upload(n, f.participantA);
      if (r.status === 201) stored++;
      else refused = r;
    }
    expect(stored).toBeGreaterThan(2);
    expect(refused?.status).toBe(413);
    expect(await errorCode(refused!)).toBe('payload_too_large');
  });

  it('shows an image element in the board and embeds the picture in the SVG export', async () => {
    const p = provider(s.wsBase, f.board, f.participantA);
    await synced(p);
    const id = new BoardDoc(p.doc, () => 'image-element-01').create({ kind: 'image', x: 0, y: 0, w: 400, h: 300, image: first.id, label: 'Kart over tenestene' }, await authorOf(s.base, f.workshop.id, f.participantA), 'test');
    const witness = provider(s.wsBase, f.board, f.observer);
    await until(() => new BoardDoc(witness.doc, () => '').get(id)?.image === first.id, 5000, 'the image element stored');
    p.destroy();
    witness.destroy();
    const svg = await (await fetch(`${s.base}/api/workshops/${f.workshop.id}/export/board/${f.workshop.boards[0]!.id}?format=svg`, { headers: { authorization: `Bearer ${f.facilitator}` } })).text();
    expect(svg).toContain(`href="data:image/png;base64,${png(40, 30).toString('base64')}"`);
    expect(svg).toContain('<title>Kart over tenestene</title>');
    const pngExport = await fetch(`${s.base}/api/workshops/${f.workshop.id}/export/board/${f.workshop.boards[0]!.id}?format=png`, { headers: { authorization: `Bearer ${f.facilitator}` } });
    expect(pngExport.status).toBe(200);
  });

  it('travels in a backup (version 2) to another server, where the element still shows it', async () => {
    const backup = (await (await fetch(`${s.base}/api/workshops/${f.workshop.id}/backup`, { headers: { authorization: `Bearer ${f.facilitator}` } })).json()) as { version: number; content: { rows: Record<string, Array<Record<string, unknown>>> } };
    expect(backup.version).toBe(2);
    expect(backup.content.rows.images?.length).toBeGreaterThan(2);
    const done = await call<CreatedWorkshopDto>(other.base, 'POST', '/api/workshops/import', { displayName: 'Importør Ida', backup });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    const w = (await call<WorkshopDto>(other.base, 'GET', `/api/workshops/${done.body.id}`, undefined, done.body.token)).body;
    const p = provider(other.wsBase, w.boards[0]!.room, done.body.token);
    await synced(p);
    const element = new BoardDoc(p.doc, () => '').list().find((e) => e.kind === 'image')!;
    p.destroy();
    expect(element.image).not.toBe(first.id);
    const r = await fetchImage(element.image!, done.body.token, done.body.id, other.base);
    expect(r.status).toBe(200);
    expect(Buffer.from(await r.arrayBuffer()).equals(png(40, 30))).toBe(true);
    // A version 1 file (before images) still imports.
    const v1 = structuredClone(backup) as typeof backup & { sha256: string };
    v1.version = 1;
    delete v1.content.rows.images;
    v1.sha256 = createHash('sha256').update(JSON.stringify(v1.content)).digest('hex');
    const old = await call<CreatedWorkshopDto>(other.base, 'POST', '/api/workshops/import', { displayName: 'Ida', backup: v1 });
    expect(old.status, JSON.stringify(old.body)).toBe(201);
    // A backup whose "PNG" is an SVG is refused, and nothing is created.
    const forged = structuredClone(backup) as typeof backup & { sha256: string };
    forged.content.rows.images![0]!.bytes = { $bytes: SVG.toString('base64') };
    forged.content.rows.images![0]!.size = SVG.length;
    forged.sha256 = createHash('sha256').update(JSON.stringify(forged.content)).digest('hex');
    const refused = await call<{ error: { code: string; message: string } }>(other.base, 'POST', '/api/workshops/import', { displayName: 'Ida', backup: forged });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('backup_invalid');
    expect(refused.body.error.message).toMatch(/is not the image\/png file it says it is/);
  });
});
