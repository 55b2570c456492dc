/**
 * A facilitator changes a member's role: recorded in the audit log, never leaving a workshop
 * without a facilitator, and taking effect at once — the member's sync connections close with
 * 4501 and come back with the new role, their socket.io connection is told and dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../shared/errors.js';
import type { MemberDto } from '../shared/api.js';
import { call, fixture, type Fixture } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { connected } from './helpers/socket.js';
import { provider, synced, until } from './helpers/sync.js';

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

const members = async () => (await call<{ members: MemberDto[] }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/members`, undefined, f.facilitator)).body.members;
const patch = (memberId: string, body: unknown, token = f.facilitator) => call<MemberDto & { error?: { code: string } }>(s.base, 'PATCH', `/api/workshops/${f.workshop.id}/members/${memberId}`, body, token);

describe('roles', () => {
  it('only a facilitator changes roles; bad input is refused; the last facilitator stays', async () => {
    const all = await members();
    const ola = all.find((m) => m.displayName === 'Ola')!;
    const frida = all.find((m) => m.role === 'facilitator')!;
    expect((await patch(ola.id, { role: 'facilitator' }, f.participantA)).status).toBe(403);
    expect((await patch(ola.id, { role: 'king' })).status).toBe(400);
    expect((await patch('AAAAAAAAAAAAAAAA', { role: 'observer' })).status).toBe(404);
    const last = await patch(frida.id, { role: 'participant' });
    expect(last.status).toBe(409);
    expect(last.body.error!.code).toBe('conflict');
  });

  it('takes effect at once on live connections, and is in the audit log', async () => {
    const ola = (await members()).find((m) => m.displayName === 'Ola')!;
    const board = provider(s.wsBase, f.board, f.participantA);
    await synced(board);
    board.doc.getMap('scratch').set('before', 1);
    const witness = provider(s.wsBase, f.board, f.observer);
    await until(() => witness.doc.getMap('scratch').get('before') === 1, 5000, 'a participant writes');
    const socket = await connected(s.base, f.participantA);
    const closed = new Promise<{ code: number }>((resolve) => board.once('connection-close', (e) => resolve({ code: e?.code ?? 0 })));

    const r = await patch(ola.id, { role: 'observer' });
    expect(r.status).toBe(200);
    expect(r.body.role).toBe('observer');
    expect((await closed).code).toBe(CloseCode.roleChanged);
    await socket.next('member.role_changed');
    await until(() => !socket.socket.connected, 5000, 'the socket dropped');

    // The stock provider reconnects by itself (45xx is transient) and is now read-only.
    await until(() => board.wsconnected && board.synced, 10_000, 'the provider back');
    board.doc.getMap('scratch').set('after', 1);
    await new Promise((res) => setTimeout(res, 300));
    const fresh = provider(s.wsBase, f.board, f.observer);
    await synced(fresh);
    expect(fresh.doc.getMap('scratch').get('before')).toBe(1);
    expect(fresh.doc.getMap('scratch').has('after')).toBe(false);
    const again = await connected(s.base, f.participantA);
    expect(await again.cmd('hand.raise')).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const audit = (await call<{ entries: { type: string; data: Record<string, unknown> }[] }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/audit`, undefined, f.facilitator)).body.entries;
    expect(audit.find((e) => e.type === 'member.role_changed')?.data).toEqual({ memberId: ola.id, from: 'participant', to: 'observer' });
    for (const p of [board, witness, fresh]) p.destroy();
    socket.close();
    again.close();
  });
});
