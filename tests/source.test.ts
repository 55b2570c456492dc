/**
 * The source of the running Samskap (issue #18; AGPL-3.0-or-later §13): `GET /api/about` says
 * where it is, `GET /source` serves a gzipped tar of the sources this server runs from (or goes to
 * SOURCE_URL when the operator publishes their own); nothing of `node_modules` or `dist` in it.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './helpers/server.js';

let own: TestServer;
let published: TestServer;

beforeAll(async () => {
  [own, published] = await Promise.all([startServer(), startServer({ SOURCE_URL: 'https://code.example.no/samskap' })]);
});
afterAll(async () => {
  await Promise.all([own.stop(), published.stop()]);
  own.cleanup();
  published.cleanup();
});

/** The names in a tar archive (its 512-byte headers). */
function tarNames(tar: Buffer): string[] {
  const names: string[] = [];
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const prefix = header.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(header.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim() || '0', 8);
    names.push(prefix ? `${prefix}/${name}` : name);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

describe('the source of this server', () => {
  it('says where the source is, with the version and the licence', async () => {
    expect(await (await fetch(`${own.base}/api/about`)).json()).toMatchObject({ licence: 'AGPL-3.0-or-later', sourceUrl: '/source', version: expect.any(String) as string });
    expect(await (await fetch(`${published.base}/api/about`)).json()).toMatchObject({ sourceUrl: 'https://code.example.no/samskap' });
  });

  it('serves its own sources as a gzipped tar, without dependencies or build output', async () => {
    const r = await fetch(`${own.base}/source`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/gzip');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="samskap-[\w.-]+-source\.tar\.gz"$/);
    const names = tarNames(gunzipSync(Buffer.from(await r.arrayBuffer())));
    for (const f of ['samskap/LICENSE', 'samskap/package.json', 'samskap/server/main.ts', 'samskap/client/index.html', 'samskap/shared/api.ts']) expect(names).toContain(f);
    expect(names.some((n) => n.includes('node_modules/') || n.startsWith('samskap/dist/') || n.startsWith('samskap/data/'))).toBe(false);
  });

  it('sends people to SOURCE_URL when the operator publishes it', async () => {
    const r = await fetch(`${published.base}/source`, { redirect: 'manual' });
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe('https://code.example.no/samskap');
  });
});
