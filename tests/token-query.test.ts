/**
 * A member token is read from the URL (`?token=`) on the sync endpoint's WebSocket upgrade only.
 * REST takes `Authorization: Bearer` or the session cookie; socket.io takes `auth.token` (or the
 * cookie). A token in a REST or socket.io URL authenticates nobody.
 */
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedWorkshopDto } from '../shared/api.js';
import { call } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { connected } from './helpers/socket.js';
import { provider, synced, within } from './helpers/sync.js';

let s: TestServer;
let w: CreatedWorkshopDto;
let cookie: string;
beforeAll(async () => {
  s = await startServer();
  const r = await call<CreatedWorkshopDto>(s.base, 'POST', '/api/workshops', { title: 'Token', organisations: [{ name: 'A' }], displayName: 'Frida' });
  w = r.body;
  cookie = r.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(async () => {
  await s.stop();
  s.cleanup();
});

describe('?token= only on the sync upgrade', () => {
  it('REST refuses a token in the query with 401', async () => {
    for (const path of [`/api/workshops/${w.id}`, `/api/workshops/${w.id}/audit`, `/api/workshops/${w.id}/milestones`, `/api/workshops/${w.id}/backup`]) {
      const r = await fetch(`${s.base}${path}?token=${encodeURIComponent(w.token)}`);
      expect(r.status, path).toBe(401);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    }
    const post = await fetch(`${s.base}/api/workshops/${w.id}/principles?token=${encodeURIComponent(w.token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Eit prinsipp' }),
    });
    expect(post.status).toBe(401);
  });

  it('REST takes Authorization: Bearer and the session cookie', async () => {
    expect((await fetch(`${s.base}/api/workshops/${w.id}`, { headers: { authorization: `Bearer ${w.token}` } })).status).toBe(200);
    expect((await fetch(`${s.base}/api/workshops/${w.id}`, { headers: { cookie } })).status).toBe(200);
  });

  it('socket.io refuses a token in the query and takes auth.token', async () => {
    const socket = io(s.base, { query: { token: w.token }, transports: ['websocket'], reconnection: false, forceNew: true });
    const error = await within(5000, 'connect_error', new Promise<Error>((resolve) => socket.once('connect_error', resolve)));
    socket.close();
    expect(error.message).toBe('unauthenticated');
    const ok = await connected(s.base, w.token);
    ok.close();
  });

  it('the sync endpoint still takes ?token= (stock y-websocket providers)', async () => {
    const p = provider(s.wsBase, `${w.id}/charter`, w.token);
    await synced(p);
    p.destroy();
  });
});
