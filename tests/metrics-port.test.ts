/**
 * METRICS_PORT (issue #18): `/metrics` listens on a port of its own, so the reverse proxy in front
 * of the public port never exposes it; without it, `/metrics` stays on the public port.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './helpers/server.js';

let own: TestServer;
let shared: TestServer;

beforeAll(async () => {
  [own, shared] = await Promise.all([startServer({ METRICS_PORT: '0' }), startServer()]);
});
afterAll(async () => {
  await Promise.all([own.stop(), shared.stop()]);
  own.cleanup();
  shared.cleanup();
});

describe('METRICS_PORT', () => {
  it('serves /metrics only on its own port when set', async () => {
    const port = own.app.metricsPort();
    expect(port).toBeGreaterThan(0);
    expect(port).not.toBe(Number(new URL(own.base).port));
    const scraped = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toContain('text/plain');
    expect(await scraped.text()).toMatch(/^# HELP /m);
    expect((await fetch(`${own.base}/metrics`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/api/workshops`)).status).toBe(404);
    expect((await fetch(`${own.base}/healthz`)).status).toBe(200);
  });

  it('keeps /metrics on the public port by default', async () => {
    expect(shared.app.metricsPort()).toBeNull();
    const r = await fetch(`${shared.base}/metrics`);
    expect(r.status).toBe(200);
    expect(await r.text()).toMatch(/^# HELP /m);
  });
});
