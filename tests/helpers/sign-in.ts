/**
 * Samskap with sign-in on, against a real test provider (oidc-provider) in this process. Samskap's
 * port is chosen first, since PUBLIC_URL (and so the provider's registered redirect URI) needs it.
 */
import { createServer } from 'node:net';
import type { CreatedWorkshopDto } from '../../shared/api.js';
import { call } from './api.js';
import { startProvider, type Accounts, type TestProvider } from './oidc-provider.js';
import { startServer, type TestServer } from './server.js';

export interface SignInWorld {
  s: TestServer;
  provider: TestProvider;
  stop(): Promise<void>;
}

export const SECRET = 'sign-in-tests-session-secret-0123456789abcdef';

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function startSignInWorld(accounts: Accounts, env: Record<string, string> = {}, opts: { now?: () => Date } = {}): Promise<SignInWorld> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const provider = await startProvider({ redirectUri: `${base}/auth/oidc/callback`, accounts });
  const s = await startServer(
    {
      PORT: String(port),
      PUBLIC_URL: base,
      SESSION_SECRET: SECRET,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_LABEL: 'Testporten',
      ...env,
    },
    undefined,
    opts,
  );
  return {
    s,
    provider,
    stop: async () => {
      await s.stop();
      s.cleanup();
      await provider.stop();
    },
  };
}

/** A workshop whose two organisations carry organisation numbers, and a participant invite for the first. */
export async function workshopWithOrgNumbers(base: string): Promise<{ w: CreatedWorkshopDto; inviteToken: string; inviteId: string }> {
  const created = await call<CreatedWorkshopDto>(base, 'POST', '/api/workshops', {
    title: 'Digitalt samarbeid',
    organisations: [
      { name: 'Digdir', orgNumber: '991825827' },
      { name: 'NAV', orgNumber: '889640782' },
    ],
    displayName: 'Fasilitator Frida',
  });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const w = created.body;
  const inv = await call<{ token: string; id: string }>(base, 'POST', `/api/workshops/${w.id}/invites`, { role: 'participant', organisationId: w.organisations[0]!.id }, w.token);
  return { w, inviteToken: inv.body.token, inviteId: inv.body.id };
}
