/**
 * Issue #12, finding 4: an unauthenticated import can no longer exhaust the server. Everything that
 * can refuse a caller answers before the body is read (the requests below send headers and no
 * body, so only an answer given before reading can arrive): a Content-Encoding, the per-address
 * rate, a wrong X-Create-Code, the day's byte cap, another import under way. A body nested
 * deeper than the format goes is refused without harm.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportedWorkshopDto } from '../shared/api.js';
import { call } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { within } from './helpers/sync.js';

const CODE = 'hemmeleg-kode';
interface Answer {
  status: number;
  retryAfter: string | undefined;
  code: string | undefined;
}

/** Starts a POST to the import with these headers and no body yet; `answer` resolves on the response. */
function startImport(s: TestServer, headers: Record<string, string | number>): { req: http.ClientRequest; answer: Promise<Answer> } {
  const req = http.request({ host: '127.0.0.1', port: s.port, method: 'POST', path: '/api/workshops/import', headers: { 'content-type': 'application/json', ...headers } });
  req.on('error', () => undefined); // the server may close the connection after answering
  const answer = new Promise<Answer>((resolve) =>
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'], code: text ? ((JSON.parse(text) as { error?: { code: string } }).error?.code) : undefined }));
    }),
  );
  req.flushHeaders();
  return { req, answer };
}

/** Headers announcing a large body that never comes: answered only if answered before reading. */
const unread = (s: TestServer, headers: Record<string, string> = {}) => {
  const { req, answer } = startImport(s, { 'content-length': 10 * 1024 * 1024, ...headers });
  return within(3000, 'an answer before the body', answer).finally(() => req.destroy());
};

const post = (s: TestServer, body: string, headers: Record<string, string> = {}) => {
  const { req, answer } = startImport(s, { 'content-length': Buffer.byteLength(body), ...headers });
  req.end(body);
  return within(20_000, 'an answer', answer);
};

let guarded: TestServer;
let capped: TestServer;
let limited: TestServer;

beforeAll(async () => {
  [guarded, capped, limited] = await Promise.all([
    startServer({ CREATE_CODE: CODE }),
    startServer({ IMPORT_MAX_BYTES_PER_DAY: '4096' }),
    startServer({ RATE_LIMIT_OPEN_PER_MINUTE: '1' }),
  ]);
}, 60_000);

afterAll(async () => {
  for (const s of [guarded, capped, limited]) {
    await s?.stop();
    s?.cleanup();
  }
});

describe('import limits (#12 finding 4)', () => {
  it('answers 415 to any Content-Encoding other than identity, before reading the body', async () => {
    for (const enc of ['gzip', 'deflate', 'br', 'identity, gzip']) {
      expect(await unread(guarded, { 'content-encoding': enc, 'x-create-code': CODE })).toMatchObject({ status: 415, code: 'unsupported_encoding' });
    }
  });

  it('refuses a wrong X-Create-Code with 403 before reading the body', async () => {
    expect(await unread(guarded, { 'x-create-code': 'feil' })).toMatchObject({ status: 403, code: 'create_code_required' });
  });

  it('without the header, checks the body\'s createCode before looking at the file; the right code in either place imports', async () => {
    const bad = JSON.stringify({ displayName: 'X', createCode: 'feil', backup: { hello: 'world' } });
    expect(await post(guarded, bad)).toMatchObject({ status: 403, code: 'create_code_required' });
    expect(await post(guarded, JSON.stringify({ displayName: 'X', backup: { hello: 'world' } }))).toMatchObject({ status: 403 });
    expect(await post(guarded, JSON.stringify({ displayName: 'X', createCode: CODE, backup: { hello: 'world' } }))).toMatchObject({ status: 400, code: 'backup_invalid' });
    const made = await call<ImportedWorkshopDto>(guarded.base, 'POST', '/api/workshops', { title: 'Med kode', organisations: [{ name: 'A' }], displayName: 'F', createCode: CODE });
    expect(made.status).toBe(201);
    const file = await (await fetch(`${guarded.base}/api/workshops/${made.body.id}/backup`, { headers: { authorization: `Bearer ${made.body.token}` } })).text();
    const body = `{"displayName":"Ny","backup":${file}}`;
    expect(await post(guarded, body, { 'x-create-code': CODE })).toMatchObject({ status: 201 });
    expect(await post(guarded, body.replace('{"displayName":"Ny",', `{"displayName":"Ny","createCode":"${CODE}",`))).toMatchObject({ status: 201 });
  }, 60_000);

  it('applies the per-address rate limit before reading the body', async () => {
    expect((await post(limited, '{"displayName":"X","backup":{}}')).status).toBe(400);
    expect(await unread(limited)).toMatchObject({ status: 429, code: 'rate_limited' });
  }, 30_000);

  it('runs one import at a time: another gets 429 with Retry-After, and the slot comes back', async () => {
    const first = startImport(guarded, { 'content-length': 100_000, 'x-create-code': CODE });
    first.req.write('{"displayName":"Langsam",');
    let second: Answer | undefined;
    for (let i = 0; i < 30 && second?.status !== 429; i++) second = await unread(guarded, { 'x-create-code': CODE });
    expect(second).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(second!.retryAfter)).toBeGreaterThan(0);
    first.req.destroy();
    let after: Answer | undefined;
    for (let i = 0; i < 30 && (after === undefined || after.status === 429); i++) after = await post(guarded, '{"displayName":"X","backup":{}}', { 'x-create-code': CODE });
    expect(after).toMatchObject({ status: 400, code: 'backup_invalid' });
  }, 60_000);

  it('caps the bytes one address imports per day (IMPORT_MAX_BYTES_PER_DAY), refusing before reading', async () => {
    const body = JSON.stringify({ displayName: 'X', backup: { pad: 'x'.repeat(3000) } });
    expect((await post(capped, body)).status).toBe(400);
    const refused = await post(capped, body);
    expect(refused).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(24 * 3600);
    expect(await unread(capped)).toMatchObject({ status: 429 });
  }, 30_000);

  it('refuses a body nested deeper than the format goes, and the server stays up', async () => {
    const deep = 200_000;
    const body = `{"displayName":"X","backup":{"format":"samskap-backup","version":1,"createdAt":"x","sha256":"x","content":${'['.repeat(deep)}${']'.repeat(deep)}}}`;
    expect(await post(guarded, body, { 'x-create-code': CODE })).toMatchObject({ status: 400, code: 'backup_invalid' });
    expect((await fetch(`${guarded.base}/healthz`)).status).toBe(200);
  }, 30_000);
});
