/** A workshop with three organisations for decision tests: facilitator, a participant per organisation, an observer. */
import type { WorkshopDto } from '../../shared/api.js';
import { call, fixture, invite, join, type Fixture } from './api.js';

export interface ThreeOrgs extends Fixture {
  participantC: string;
  orgs: [string, string, string];
  boardId: string;
  /** A member of organisation A who is an observer: may not take a stance. */
  observerA: string;
}

export async function threeOrgs(base: string): Promise<ThreeOrgs> {
  const f = await fixture(base);
  const added = await call<WorkshopDto>(base, 'POST', `/api/workshops/${f.workshop.id}/organisations`, { name: 'Statsforvaltaren' }, f.facilitator);
  if (added.status !== 201) throw new Error(`add organisation failed: ${added.status}`);
  const [a, b, c] = added.body.organisations.map((o) => o.id) as [string, string, string];
  const participantC = (await join(base, (await invite(base, f.workshop.id, f.facilitator, { role: 'participant', organisationId: c })).token, 'Siri')).token;
  const observerA = (await join(base, (await invite(base, f.workshop.id, f.facilitator, { role: 'observer', organisationId: a })).token, 'Oda')).token;
  return { ...f, participantC, orgs: [a, b, c], boardId: f.workshop.boards[0]!.id, observerA };
}
