/**
 * Real members for benchmark clients: the server caps connections per member
 * (SYNC_MAX_CONNECTIONS_PER_MEMBER), so a crowd of a thousand is a crowd of people, each with at
 * most `CLIENTS_PER_MEMBER` connections (a couple of tabs), joined through an invite like anyone.
 */
export const CLIENTS_PER_MEMBER = 2;
const PARALLEL_JOINS = 16;

export interface BenchWorkshop {
  id: string;
  /** The facilitator's token (who created it). */
  token: string;
  organisationId: string;
  /** The workshop's first board room, `<id>/board/<boardId>`: where the benchmark's notes live. */
  boardRoom: string;
}

export async function createBenchWorkshop(base: string, title: string): Promise<BenchWorkshop> {
  const res = await fetch(`${base}/api/workshops`, { method: 'POST', headers: json, body: JSON.stringify({ title, organisations: [{ name: 'Bench' }], displayName: 'bench' }) });
  if (res.status !== 201) throw new Error(`creating a bench workshop failed: ${res.status}`);
  const w = (await res.json()) as { id: string; token: string; organisations: { id: string }[] };
  const full = await fetch(`${base}/api/workshops/${w.id}`, { headers: { authorization: `Bearer ${w.token}` } });
  const boards = ((await full.json()) as { boards: { room: string }[] }).boards;
  return { id: w.id, token: w.token, organisationId: w.organisations[0]!.id, boardRoom: boards[0]!.room };
}

/** Tokens of `count` clients: ceil(count / CLIENTS_PER_MEMBER) new participants, each token used at most that often. */
export async function clientTokens(base: string, w: BenchWorkshop, count: number): Promise<string[]> {
  const members = Math.ceil(count / CLIENTS_PER_MEMBER);
  const invite = await post<{ token: string }>(base, `/api/workshops/${w.id}/invites`, { role: 'participant', organisationId: w.organisationId, maxUses: Math.max(1, members) }, w.token);
  const tokens: string[] = [];
  for (let start = 0; start < members; start += PARALLEL_JOINS) {
    const batch = Array.from({ length: Math.min(PARALLEL_JOINS, members - start) }, (_, k) =>
      post<{ token: string }>(base, '/api/join', { inviteToken: invite.token, displayName: `bench ${start + k}` }).then((j) => j.token),
    );
    tokens.push(...(await Promise.all(batch)));
  }
  return Array.from({ length: count }, (_, i) => tokens[Math.floor(i / CLIENTS_PER_MEMBER)]!);
}

const json = { 'content-type': 'application/json' };

async function post<T>(base: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(base + path, { method: 'POST', headers: { ...json, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`${path} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
