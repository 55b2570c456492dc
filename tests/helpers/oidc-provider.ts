/**
 * A real OpenID Provider (oidc-provider) in this process on 127.0.0.1 and a random port, with one
 * confidential client (client_secret_basic) and accounts whose claims the test chooses. Its
 * development interactions (a login form taking any account id, then a consent form) are driven
 * over plain HTTP by `OidcBrowser` (oidc-browser.ts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

export type Accounts = Record<string, Record<string, unknown>>;

export async function startProvider(opts: { redirectUri: string; accounts: Accounts }): Promise<TestProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'samskap-test';
  const clientSecret = 'a-test-secret-that-is-long-enough-for-hs256-0123456789';
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [opts.redirectUri], token_endpoint_auth_method: 'client_secret_basic', grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], profile: ['name', 'given_name', 'family_name', 'orgno', 'authorization_details'] },
    cookies: { keys: ['samskap-test-cookie-key'] },
    findAccount: (_ctx, id) => {
      const claims = opts.accounts[id];
      return claims ? { accountId: id, claims: () => ({ sub: id, ...claims }) } : undefined;
    },
    features: { devInteractions: { enabled: true } },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
