/** Thin REST helpers for tests: real HTTP against a running server. */
import type { CreatedWorkshopDto, InviteDto, JoinedDto, WorkshopDto } from '../../shared/api.js';

export async function call<T = unknown>(base: string, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

export interface Fixture {
  workshop: WorkshopDto;
  facilitator: string;
  /** Member tokens by name: a participant of each organisation and an observer. */
  participantA: string;
  participantB: string;
  observer: string;
  charter: string;
  board: string;
}

export async function createWorkshop(base: string, title = 'Alvorleg sjukt barn'): Promise<CreatedWorkshopDto> {
  const r = await call<CreatedWorkshopDto>(base, 'POST', '/api/workshops', {
    title,
    organisations: [{ name: 'Helsedirektoratet' }, { name: 'Bergen kommune' }],
    displayName: 'Fasilitator Frida',
  });
  if (r.status !== 201) throw new Error(`create failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function invite(base: string, workshopId: string, token: string, body: Record<string, unknown>): Promise<InviteDto> {
  const r = await call<InviteDto>(base, 'POST', `/api/workshops/${workshopId}/invites`, body, token);
  if (r.status !== 201) throw new Error(`invite failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function join(base: string, inviteToken: string, displayName: string): Promise<JoinedDto> {
  const r = await call<JoinedDto>(base, 'POST', '/api/join', { inviteToken, displayName });
  if (r.status !== 201) throw new Error(`join failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A workshop with a facilitator, one participant per organisation and an observer. */
export async function fixture(base: string): Promise<Fixture> {
  const created = await createWorkshop(base);
  const facilitator = created.token;
  const [orgA, orgB] = created.organisations;
  const inv = (role: string, organisationId?: string) => invite(base, created.id, facilitator, { role, ...(organisationId ? { organisationId } : {}) });
  const participantA = (await join(base, (await inv('participant', orgA!.id)).token, 'Ola')).token;
  const participantB = (await join(base, (await inv('participant', orgB!.id)).token, 'Kari')).token;
  const observer = (await join(base, (await inv('observer')).token, 'Olav Observatør')).token;
  const workshop = (await call<WorkshopDto>(base, 'GET', `/api/workshops/${created.id}`, undefined, facilitator)).body;
  return { workshop, facilitator, participantA, participantB, observer, charter: `${created.id}/charter`, board: workshop.boards[0]!.room };
}

/** The board author fields of the member behind `token`: the server refuses elements naming anyone else. */
export async function authorOf(base: string, workshopId: string, token: string): Promise<{ id: string; name: string; organisationId: string | null; organisationName: string | null }> {
  const w = (await call<WorkshopDto>(base, 'GET', `/api/workshops/${workshopId}`, undefined, token)).body;
  return { id: w.me.id, name: w.me.displayName, organisationId: w.me.organisationId, organisationName: w.organisations.find((o) => o.id === w.me.organisationId)?.name ?? null };
}
