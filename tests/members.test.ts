/**
 * People, not links (issue #14): several credentials per member, the personal re-entry link,
 * rotating and ending a device's session, idle expiry, renaming, removing and merging members,
 * "my workshops" and the join page's preview. Real HTTP, real socket.io and y-websocket clients.
 */
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvitePreviewDto, InviteSummaryDto, JoinedDto, MemberDto, MyWorkshopDto, ReentryDto, VisitDto, WorkshopDto } from '../shared/api.js';
import { CloseCode } from '../shared/errors.js';
import { call, createWorkshop, invite, join } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { connected } from './helpers/socket.js';
import { closedFor, provider, synced } from './helpers/sync.js';

let s: TestServer;
let clock = Date.parse('2026-12-04T09:00:00.000Z');
beforeAll(async () => {
  s = await startServer({ SESSION_IDLE_DAYS: '30' }, undefined, { now: () => new Date(clock) });
});
afterAll(async () => {
  await s.stop();
  s.cleanup();
});

type Err = { error?: { code: string; message: string; details?: { field?: string; reason?: string } } };
const me = (workshopId: string, token: string) => call<WorkshopDto & Err>(s.base, 'GET', `/api/workshops/${workshopId}`, undefined, token);
const members = async (workshopId: string, token: string) => (await call<{ members: MemberDto[] }>(s.base, 'GET', `/api/workshops/${workshopId}/members`, undefined, token)).body.members;
/** A browser: the cookie a response set, sent back with the same origin, as a page would. */
/** The message socket.io's handshake refuses this token with. */
const connectError = (token: string) =>
  new Promise<string>((resolve, reject) => {
    const socket = io(s.base, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    socket.on('connect', () => reject(new Error('connected')));
    socket.on('connect_error', (err) => {
      socket.close();
      resolve(err.message);
    });
  });
const cookieOf = (headers: Headers) => headers.get('set-cookie')!.split(';')[0]!;

async function workshopWithKari() {
  const w = await createWorkshop(s.base);
  const inv = await invite(s.base, w.id, w.token, { role: 'participant', organisationId: w.organisations[0]!.id });
  const kari = await join(s.base, inv.token, 'Kari');
  return { w, inv, kari };
}

describe('several credentials and the re-entry link', () => {
  it('moves a member to a second device with their re-entry link; both devices stay signed in', async () => {
    const { w, kari } = await workshopWithKari();
    const made = await call<ReentryDto>(s.base, 'POST', `/api/workshops/${w.id}/members/${kari.member.id}/reentry`, undefined, kari.token);
    expect(made.status).toBe(200);
    expect(made.headers.get('cache-control')).toBe('no-store');
    const url = new URL(made.body.link);
    expect(url.pathname).toBe('/reenter');
    const secret = url.hash.slice(1);
    expect(secret.length).toBeGreaterThan(30);

    // The secret is no session by itself: it only opens one.
    expect((await me(w.id, secret)).status).toBe(401);
    const second = await fetch(`${s.base}/api/reenter`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ secret }) });
    expect(second.status).toBe(200);
    const session = (await second.json()) as JoinedDto;
    expect(session).toMatchObject({ workshopId: w.id, existing: true, member: { id: kari.member.id } });
    expect(cookieOf(second.headers)).toMatch(new RegExp(`^samskap_${w.id}=`));
    // Both devices work, as the same member; the link works again until renewed.
    expect((await me(w.id, session.token)).body.me.id).toBe(kari.member.id);
    expect((await me(w.id, kari.token)).body.me.id).toBe(kari.member.id);
    const third = await call<JoinedDto>(s.base, 'POST', '/api/reenter', { secret });
    expect(third.status).toBe(200);

    // Renewing revokes the old link; only the member themselves may make theirs.
    const renewed = await call<ReentryDto>(s.base, 'POST', `/api/workshops/${w.id}/members/${kari.member.id}/reentry`, undefined, kari.token);
    expect((await call<Err>(s.base, 'POST', '/api/reenter', { secret })).status).toBe(401);
    expect((await call(s.base, 'POST', '/api/reenter', { secret: new URL(renewed.body.link).hash.slice(1) })).status).toBe(200);
    expect((await call<Err>(s.base, 'POST', `/api/workshops/${w.id}/members/${kari.member.id}/reentry`, undefined, w.token)).status).toBe(403);
    const audit = (await call<{ entries: { type: string; data: unknown }[] }>(s.base, 'GET', `/api/workshops/${w.id}/audit`, undefined, w.token)).body.entries;
    const entries = JSON.stringify(audit.filter((e) => e.type === 'member.reentry_renewed'));
    expect(entries).not.toContain(secret);
    expect(audit.filter((e) => e.type === 'member.reentry_renewed')).toHaveLength(2);
  });

  it('refuses bad re-entry input clearly, and a re-entry from another site', async () => {
    for (const body of [{}, { secret: '' }, { secret: 'x'.repeat(5000) }, { secret: 5 }, { secret: 'nope', extra: 1 }]) {
      const r = await call<Err>(s.base, 'POST', '/api/reenter', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error!.code).toBe('validation_failed');
    }
    expect((await call<Err>(s.base, 'POST', '/api/reenter', { secret: 'not-a-secret' })).body.error!.code).toBe('unauthenticated');
    const { w, kari } = await workshopWithKari();
    const link = (await call<ReentryDto>(s.base, 'POST', `/api/workshops/${w.id}/members/${kari.member.id}/reentry`, undefined, kari.token)).body.link;
    const cross = await fetch(`${s.base}/api/reenter`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify({ secret: new URL(link).hash.slice(1) }) });
    expect(cross.status).toBe(403);
  });

  it('rotates a device’s session and signs a device out without touching the others', async () => {
    const { w, kari } = await workshopWithKari();
    const other = (await call<JoinedDto>(s.base, 'POST', '/api/join', { inviteToken: (await invite(s.base, w.id, w.token, { role: 'observer' })).token, displayName: 'Olav' })).body;
    const rotated = await call<{ token: string }>(s.base, 'POST', `/api/workshops/${w.id}/session/rotate`, undefined, kari.token);
    expect(rotated.status).toBe(200);
    expect((await me(w.id, kari.token)).status).toBe(401);
    expect((await me(w.id, rotated.body.token)).body.me.id).toBe(kari.member.id);
    const out = await call(s.base, 'DELETE', `/api/workshops/${w.id}/session`, undefined, rotated.body.token);
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await me(w.id, rotated.body.token)).status).toBe(401);
    expect((await me(w.id, other.token)).status).toBe(200);
  });

  it('stops a credential unused for SESSION_IDLE_DAYS; use keeps it alive', async () => {
    const { w, kari } = await workshopWithKari();
    const idle = (await call<JoinedDto>(s.base, 'POST', '/api/join', { inviteToken: (await invite(s.base, w.id, w.token, { role: 'observer' })).token, displayName: 'Olav' })).body;
    const start = clock;
    try {
      for (let day = 1; day <= 40; day += 5) {
        clock = start + day * 86_400_000;
        expect((await me(w.id, kari.token)).status, `day ${day}`).toBe(200);
        // The last use is written in the background.
        await new Promise((r) => setTimeout(r, 20));
      }
      const r = await me(w.id, idle.token);
      expect(r.status).toBe(401);
      expect(r.body.error!.code).toBe('unauthenticated');
    } finally {
      clock = start;
    }
  });
});

describe('members', () => {
  it('renames: a facilitator anyone, a member themselves, nobody else', async () => {
    const { w, kari } = await workshopWithKari();
    const patch = (memberId: string, body: unknown, token: string) => call<MemberDto & Err>(s.base, 'PATCH', `/api/workshops/${w.id}/members/${memberId}`, body, token);
    expect((await patch(kari.member.id, { displayName: 'Kari Nordmann' }, kari.token)).body.displayName).toBe('Kari Nordmann');
    expect((await patch(w.member.id, { displayName: 'Frida' }, kari.token)).status).toBe(403);
    expect((await patch(kari.member.id, { displayName: 'Kari N.' }, w.token)).body.displayName).toBe('Kari N.');
    const bad = await patch(kari.member.id, {}, w.token);
    expect(bad.status).toBe(400);
    expect((await patch(kari.member.id, { displayName: '' }, w.token)).status).toBe(400);
    expect((await patch(kari.member.id, { displayName: 'x'.repeat(500) }, w.token)).status).toBe(400);
    expect((await members(w.id, w.token)).find((m) => m.id === kari.member.id)!.displayName).toBe('Kari N.');
  });

  it('removes a member: credentials stop, live connections close at once, content stays attributed', async () => {
    const { w, kari } = await workshopWithKari();
    const facSocket = await connected(s.base, w.token);
    const socket = await connected(s.base, kari.token);
    const board = provider(s.wsBase, `${w.id}/charter`, kari.token);
    await synced(board);
    const closed = closedFor(board);
    // Only a facilitator; never the last one.
    expect((await call<Err>(s.base, 'DELETE', `/api/workshops/${w.id}/members/${w.member.id}`, undefined, kari.token)).status).toBe(403);
    const last = await call<Err>(s.base, 'DELETE', `/api/workshops/${w.id}/members/${w.member.id}`, undefined, w.token);
    expect(last.status).toBe(409);
    expect((await call<Err>(s.base, 'DELETE', `/api/workshops/${w.id}/members/AAAAAAAAAAAAAAAA`, undefined, w.token)).status).toBe(404);

    expect((await call(s.base, 'DELETE', `/api/workshops/${w.id}/members/${kari.member.id}`, undefined, w.token)).status).toBe(204);
    expect((await closed).code).toBe(CloseCode.unauthenticated);
    await socket.next('member.removed');
    expect((await facSocket.next<{ member: MemberDto }>('member.changed', (e) => e.member.id === kari.member.id)).member.removedAt).not.toBeNull();
    // Coming back later, the former member is told why (REST and socket.io); a stranger is not.
    const told = await me(w.id, kari.token);
    expect(told.status).toBe(401);
    expect(told.body.error?.details?.reason).toBe('member_removed');
    const stranger = await me(w.id, 'x'.repeat(43));
    expect(stranger.status).toBe(401);
    expect(stranger.body.error?.details).toBeUndefined();
    expect(await connectError(kari.token)).toBe('member_removed');
    expect(await connectError('x'.repeat(43))).toBe('unauthenticated');
    const again = provider(s.wsBase, `${w.id}/charter`, kari.token);
    expect((await closedFor(again)).code).toBe(CloseCode.unauthenticated);
    // A former member: listed, marked, their joining still in the log; they cannot be removed twice.
    expect((await members(w.id, w.token)).find((m) => m.id === kari.member.id)!.removedAt).toBeTruthy();
    expect((await call(s.base, 'DELETE', `/api/workshops/${w.id}/members/${kari.member.id}`, undefined, w.token)).status).toBe(404);
    const audit = (await call<{ entries: { type: string; data: Record<string, unknown> }[] }>(s.base, 'GET', `/api/workshops/${w.id}/audit`, undefined, w.token)).body.entries;
    expect(audit.find((e) => e.type === 'member.removed')?.data).toMatchObject({ memberId: kari.member.id, displayName: 'Kari' });
    for (const p of [board, again]) p.destroy();
    socket.close();
    facSocket.close();
  });

  it('merges two records of one person: the alias acts as the other, nothing recorded is rewritten', async () => {
    const { w, inv, kari } = await workshopWithKari();
    const laptop = await join(s.base, inv.token, 'Kari (laptop)'); // a second record, from before re-entry links
    const other = await join(s.base, (await invite(s.base, w.id, w.token, { role: 'participant', organisationId: w.organisations[1]!.id })).token, 'Dag');
    const merge = (body: unknown, token = w.token) => call<MemberDto & Err>(s.base, 'POST', `/api/workshops/${w.id}/members/merge`, body, token);
    expect((await merge({ from: laptop.member.id, into: kari.member.id }, kari.token)).status).toBe(403);
    expect((await merge({ from: laptop.member.id, into: laptop.member.id })).status).toBe(400);
    expect((await merge({ from: laptop.member.id })).status).toBe(400);
    expect((await merge({ from: other.member.id, into: kari.member.id })).status).toBe(409);
    const merged = await merge({ from: laptop.member.id, into: kari.member.id });
    expect(merged.status).toBe(200);
    expect(merged.body.mergedInto).toBe(kari.member.id);
    // The laptop's session now acts as Kari's record.
    expect((await me(w.id, laptop.token)).body.me.id).toBe(kari.member.id);
    expect((await merge({ from: laptop.member.id, into: kari.member.id })).status).toBe(404);
    const audit = (await call<{ entries: { type: string; actorId: string; data: Record<string, unknown> }[] }>(s.base, 'GET', `/api/workshops/${w.id}/audit`, undefined, w.token)).body.entries;
    expect(audit.find((e) => e.type === 'member.merged')?.data).toEqual({ from: laptop.member.id, into: kari.member.id });
    expect(audit.filter((e) => e.type === 'member.joined').map((e) => e.actorId)).toContain(laptop.member.id);
  });

  it('lists invites with who made them, never the link', async () => {
    const { w, inv } = await workshopWithKari();
    const listed = (await call<{ invites: InviteSummaryDto[] }>(s.base, 'GET', `/api/workshops/${w.id}/invites`, undefined, w.token)).body.invites;
    expect(listed.find((i) => i.id === inv.id)).toMatchObject({ createdBy: w.member.id, uses: 1 });
    expect(JSON.stringify(listed)).not.toContain(inv.token);
  });
});

describe('the join page and my workshops', () => {
  it('previews what a link joins, and says why a link does not work before anyone types a name', async () => {
    const { w, inv } = await workshopWithKari();
    const ok = await call<InvitePreviewDto>(s.base, 'GET', `/api/join/${inv.token}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ workshopTitle: w.title, organisation: { id: w.organisations[0]!.id, name: 'Helsedirektoratet' }, role: 'participant' });
    expect(ok.body.you).toBeUndefined();
    expect((await call(s.base, 'GET', `/api/workshops/${w.id}/invites`, undefined, w.token)).body).toMatchObject({ invites: expect.arrayContaining([expect.objectContaining({ id: inv.id, uses: 1 })]) });
    expect((await call<Err>(s.base, 'GET', '/api/join/nope')).body.error!.code).toBe('invite_unknown');
    const revoked = await invite(s.base, w.id, w.token, { role: 'observer' });
    await call(s.base, 'DELETE', `/api/workshops/${w.id}/invites/${revoked.id}`, undefined, w.token);
    expect((await call<Err>(s.base, 'GET', `/api/join/${revoked.token}`)).body.error!.code).toBe('invite_revoked');
    const once = await invite(s.base, w.id, w.token, { role: 'observer', maxUses: 1 });
    await join(s.base, once.token, 'Olav');
    expect((await call<Err>(s.base, 'GET', `/api/join/${once.token}`)).body.error!.code).toBe('invite_used_up');
    const short = await invite(s.base, w.id, w.token, { role: 'observer', expiresInHours: 1 });
    clock += 2 * 3_600_000;
    try {
      expect((await call<Err>(s.base, 'GET', `/api/join/${short.token}`)).body.error!.code).toBe('invite_expired');
    } finally {
      clock -= 2 * 3_600_000;
    }
  });

  it('tells the link’s own member, by bearer or by this browser’s cookie, that they are in already, and counts no use', async () => {
    const { w, inv, kari } = await workshopWithKari();
    const you = { workshopId: w.id, memberId: kari.member.id, displayName: 'Kari' };
    expect((await call<InvitePreviewDto>(s.base, 'GET', `/api/join/${inv.token}`, undefined, kari.token)).body.you).toEqual(you);
    // A second browser joins through the same link (a second use) and then holds only its cookie.
    const joined = await fetch(`${s.base}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json', origin: s.base }, body: JSON.stringify({ inviteToken: inv.token, displayName: 'Kari B' }) });
    const second = (await joined.json()) as JoinedDto;
    const viaCookie = await fetch(`${s.base}/api/join/${inv.token}`, { headers: { cookie: cookieOf(joined.headers) } });
    expect(((await viaCookie.json()) as InvitePreviewDto).you).toEqual({ workshopId: w.id, memberId: second.member.id, displayName: 'Kari B' });
    // Another organisation's (or role's) link in the same browser is someone else's: no shortcut.
    const other = await invite(s.base, w.id, w.token, { role: 'participant', organisationId: w.organisations[1]!.id });
    expect((await call<InvitePreviewDto>(s.base, 'GET', `/api/join/${other.token}`, undefined, kari.token)).body.you).toBeUndefined();
    // Even once the link is revoked, its member is told to go in (as POST /api/join lets them).
    await call(s.base, 'DELETE', `/api/workshops/${w.id}/invites/${inv.id}`, undefined, w.token);
    expect((await call<InvitePreviewDto>(s.base, 'GET', `/api/join/${inv.token}`, undefined, kari.token)).body.you).toEqual(you);
    expect((await call<Err>(s.base, 'GET', `/api/join/${inv.token}`)).body.error!.code).toBe('invite_revoked');
    const listed = (await call<{ invites: InviteSummaryDto[] }>(s.base, 'GET', `/api/workshops/${w.id}/invites`, undefined, w.token)).body.invites;
    expect(listed.find((i) => i.id === inv.id)!.uses).toBe(2);
  });

  it('lists this browser’s workshops with what others changed since the last visit', async () => {
    const one = await workshopWithKari();
    const two = await createWorkshop(s.base, 'Samskaping i Vestland');
    const jar: string[] = [];
    const joined = await fetch(`${s.base}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ inviteToken: (await invite(s.base, two.id, two.token, { role: 'participant', organisationId: two.organisations[1]!.id })).token, displayName: 'Kari' }) });
    jar.push(cookieOf(joined.headers));
    const reentry = (await call<ReentryDto>(s.base, 'POST', `/api/workshops/${one.w.id}/members/${one.kari.member.id}/reentry`, undefined, one.kari.token)).body.link;
    const back = await fetch(`${s.base}/api/reenter`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ secret: new URL(reentry).hash.slice(1) }) });
    jar.push(cookieOf(back.headers), 'samskap_AAAAAAAAAAAAAAAA=forged.value', 'other=1');
    const mine = async () => (await (await fetch(`${s.base}/api/me/workshops`, { headers: { cookie: jar.join('; ') } })).json()) as { workshops: MyWorkshopDto[] };

    const before = (await mine()).workshops;
    expect(before.map((x) => x.title).sort()).toEqual(['Alvorleg sjukt barn', 'Samskaping i Vestland']);
    const first = before.find((x) => x.id === one.w.id)!;
    expect(first).toMatchObject({ member: { id: one.kari.member.id }, organisationName: 'Helsedirektoratet', lastVisitAt: null });
    expect(first.changesSinceLastVisit).toBeGreaterThan(0);

    const visit = await call<VisitDto>(s.base, 'POST', `/api/workshops/${one.w.id}/visit`, undefined, one.kari.token);
    expect(visit.body.previousVisitAt).toBeNull();
    clock += 60_000;
    try {
      expect((await mine()).workshops.find((x) => x.id === one.w.id)!.changesSinceLastVisit).toBe(0);
      await call(s.base, 'POST', `/api/workshops/${one.w.id}/organisations`, { name: 'Bufdir' }, one.w.token);
      expect((await mine()).workshops.find((x) => x.id === one.w.id)!.changesSinceLastVisit).toBe(1);
      expect((await call<VisitDto>(s.base, 'POST', `/api/workshops/${one.w.id}/visit`, undefined, one.kari.token)).body.previousVisitAt).toBe(visit.body.at);
    } finally {
      clock -= 60_000;
    }
    expect((await (await fetch(`${s.base}/api/me/workshops`)).json()) as unknown).toEqual({ workshops: [] });
  });
});
