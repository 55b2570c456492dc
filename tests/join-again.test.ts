/**
 * Coming back as the same person (issue #14): opening an invite link with a valid session of that
 * workshop (bearer token or this browser's cookie), as the member that link makes (same
 * organisation and role), lets the member back in as themselves, with
 * `200 { …, existing: true }`, creating nobody and counting no use, whatever became of the link.
 * New invites expire after 14 days unless they say otherwise (`null`: never).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InviteDto, InviteSummaryDto, JoinedDto } from '../shared/api.js';
import { call, createWorkshop } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => {
  await s.stop();
  s.cleanup();
});

const join = (inviteToken: string, headers: Record<string, string> = {}) =>
  fetch(`${s.base}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ inviteToken, displayName: 'Kari' }) });

describe('joining again', () => {
  it('lets a member back in as themselves through the same link, creating nobody and counting no use', async () => {
    const w = await createWorkshop(s.base);
    const invite = (await call<InviteDto>(s.base, 'POST', `/api/workshops/${w.id}/invites`, { role: 'participant', organisationId: w.organisations[0]!.id }, w.token)).body;
    const first = await join(invite.token);
    expect(first.status).toBe(201);
    const joined = (await first.json()) as JoinedDto;
    expect(joined.existing).toBe(false);
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;

    const byToken = await join(invite.token, { authorization: `Bearer ${joined.token}` });
    expect(byToken.status).toBe(200);
    expect(await byToken.json()).toEqual({ member: joined.member, token: joined.token, workshopId: w.id, existing: true });
    const byCookie = await join(invite.token, { cookie, origin: s.base });
    expect(byCookie.status).toBe(200);
    expect(((await byCookie.json()) as JoinedDto).member.id).toBe(joined.member.id);

    const members = (await call<{ members: { id: string }[] }>(s.base, 'GET', `/api/workshops/${w.id}/members`, undefined, w.token)).body.members;
    expect(members).toHaveLength(2); // the facilitator and Kari, once
    const listed = (await call<{ invites: InviteSummaryDto[] }>(s.base, 'GET', `/api/workshops/${w.id}/invites`, undefined, w.token)).body.invites;
    expect(listed.find((i) => i.id === invite.id)!.uses).toBe(1);

    // A revoked link still brings a member back; for anyone else it stays closed.
    expect((await call(s.base, 'DELETE', `/api/workshops/${w.id}/invites/${invite.id}`, undefined, w.token)).status).toBe(204);
    expect((await join(invite.token, { authorization: `Bearer ${joined.token}` })).status).toBe(200);
    expect((await join(invite.token)).status).toBe(410);
  });

  it('joins anew when the link makes someone else (another organisation’s link in a shared browser)', async () => {
    const w = await createWorkshop(s.base);
    const [a, b] = w.organisations;
    const link = async (organisationId: string) => (await call<InviteDto>(s.base, 'POST', `/api/workshops/${w.id}/invites`, { role: 'participant', organisationId }, w.token)).body.token;
    const cecilie = (await (await join(await link(a!.id))).json()) as JoinedDto;
    const dag = await join(await link(b!.id), { authorization: `Bearer ${cecilie.token}` });
    expect(dag.status).toBe(201);
    expect(((await dag.json()) as JoinedDto).member).toMatchObject({ organisationId: b!.id });
  });

  it('does not take a session of another workshop for one of this', async () => {
    const [one, two] = await Promise.all([createWorkshop(s.base), createWorkshop(s.base)]);
    const invite = (await call<InviteDto>(s.base, 'POST', `/api/workshops/${one.id}/invites`, { role: 'observer' }, one.token)).body;
    const r = await join(invite.token, { authorization: `Bearer ${two.token}` });
    expect(r.status).toBe(201);
    const joined = (await r.json()) as JoinedDto;
    expect(joined).toMatchObject({ workshopId: one.id, existing: false });
    expect(joined.member.id).not.toBe(two.member.id);
  });

  it('gives new invites 14 days unless they say otherwise; null never expires', async () => {
    const w = await createWorkshop(s.base);
    const make = async (body: Record<string, unknown>) => (await call<InviteDto>(s.base, 'POST', `/api/workshops/${w.id}/invites`, { role: 'observer', ...body }, w.token)).body;
    const hoursLeft = (i: InviteDto) => (Date.parse(i.expiresAt!) - Date.now()) / 3_600_000;
    expect(hoursLeft(await make({}))).toBeCloseTo(336, 0);
    expect(hoursLeft(await make({ expiresInHours: 48 }))).toBeCloseTo(48, 0);
    expect((await make({ expiresInHours: null })).expiresAt).toBeNull();
    expect((await call(s.base, 'POST', `/api/workshops/${w.id}/invites`, { role: 'observer', expiresInHours: 0 }, w.token)).status).toBe(400);
  });
});
