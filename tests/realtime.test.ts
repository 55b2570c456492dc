import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, fixture, type Fixture } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { provider, synced, within } from './helpers/sync.js';

let s: TestServer;
let f: Fixture;
beforeAll(async () => {
  s = await startServer();
  f = await fixture(s.base);
});
afterAll(async () => {
  await s.stop();
  s.cleanup();
});

const connect = (auth: Record<string, string>, extraHeaders?: Record<string, string>) =>
  io(s.base, { auth, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders });

describe('socket.io beside the sync endpoint on one port', () => {
  it('authenticates the handshake and says who the socket is', async () => {
    const socket = connect({ token: f.participantA });
    const ready = await within(5000, 'session.ready', new Promise<{ role: string; workshopId: string }>((r) => socket.once('session.ready', r)));
    expect(ready).toMatchObject({ role: 'participant', workshopId: f.workshop.id });
    // Both upgrade paths work at the same time.
    const p = provider(s.wsBase, f.charter, f.participantA);
    await synced(p);
    p.destroy();
    socket.close();
  });

  it('refuses a bad token with connect_error', async () => {
    const socket: Socket = connect({ token: 'nope' });
    const err = await within(5000, 'connect_error', new Promise<Error>((r) => socket.once('connect_error', r)));
    expect(err.message).toBe('unauthenticated');
    socket.close();
  });

  it('disconnects sockets of a deleted workshop', async () => {
    const g = await fixture(s.base);
    const socket = connect({ token: g.participantB });
    await within(5000, 'ready', new Promise((r) => socket.once('session.ready', r)));
    const gone = new Promise<string>((r) => socket.once('disconnect', r));
    expect((await call(s.base, 'DELETE', `/api/workshops/${g.workshop.id}`, undefined, g.facilitator)).status).toBe(204);
    expect(await within(5000, 'disconnect', gone)).toBe('io server disconnect');
  });

  it('an upgrade to any other path is refused', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${s.port}/elsewhere`);
    const status = await new Promise<number>((resolve) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => resolve(-1));
    });
    expect(status).toBe(404);
  });
});
