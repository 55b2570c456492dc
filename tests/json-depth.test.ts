/**
 * JSON nested deeper than MAX_JSON_DEPTH (32) is refused at the body parser, for every route:
 * 400 `validation_failed`, never a 500 from code that walks the value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, jsonDepthExceeds } from '../server/http/json-depth.js';
import { call, createWorkshop } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';

let s: TestServer;
let workshop: { id: string; token: string };
beforeAll(async () => {
  s = await startServer();
  workshop = await createWorkshop(s.base);
});
afterAll(async () => {
  await s.stop();
  s.cleanup();
});

const arrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const objects = (depth: number) => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);

describe('JSON depth at the body parser', () => {
  it('counts depth without recursion', () => {
    expect(jsonDepthExceeds(JSON.parse(arrays(MAX_JSON_DEPTH)), MAX_JSON_DEPTH)).toBe(false);
    expect(jsonDepthExceeds(JSON.parse(arrays(MAX_JSON_DEPTH + 1)), MAX_JSON_DEPTH)).toBe(true);
    expect(jsonDepthExceeds(JSON.parse(objects(MAX_JSON_DEPTH)), MAX_JSON_DEPTH)).toBe(false);
    expect(jsonDepthExceeds(JSON.parse(objects(MAX_JSON_DEPTH + 1)), MAX_JSON_DEPTH)).toBe(true);
    expect(jsonDepthExceeds(JSON.parse(arrays(200_000)), MAX_JSON_DEPTH)).toBe(true);
    expect(jsonDepthExceeds({ a: 1, b: 'x', c: null, d: [1, { e: [] }] }, 4)).toBe(false);
    expect(jsonDepthExceeds({ a: 1, b: 'x', c: null, d: [1, { e: [] }] }, 3)).toBe(true);
  });

  const routes: [string, string, boolean][] = [
    ['POST', '/api/workshops', false],
    ['POST', '/api/join', false],
    ['POST', '/api/workshops/:id/principles', true],
    ['PUT', '/api/workshops/:id/vision/seen', true],
    ['POST', '/api/workshops/:id/milestones', true],
    ['PATCH', '/api/workshops/:id', true],
    ['POST', '/api/workshops/:id/invites', true],
  ];
  for (const [method, route, auth] of routes) {
    it(`${method} ${route}: deeper than ${MAX_JSON_DEPTH} is 400 validation_failed`, async () => {
      const path = route.replace(':id', workshop.id);
      const token = auth ? workshop.token : undefined;
      for (const body of [arrays(MAX_JSON_DEPTH + 1), `{"title":${objects(MAX_JSON_DEPTH)}}`, arrays(20_000), `{"x":${objects(10_000)}}`]) {
        const r = await call<{ error: { code: string; message: string } }>(s.base, method, path, body, token);
        expect(r.status, `${route} ${body.length}`).toBe(400);
        expect(r.body.error.code).toBe('validation_failed');
        expect(r.body.error.message).toMatch(/nested/);
      }
    });
  }

  it('JSON at the limit still reaches the route (its own validation answers)', async () => {
    const r = await call<{ error: { code: string; message: string } }>(s.base, 'POST', '/api/workshops', `{"title":${objects(MAX_JSON_DEPTH - 1)}}`);
    expect(r.status).toBe(400);
    expect(r.body.error.message).not.toMatch(/nested/);
  });
});
