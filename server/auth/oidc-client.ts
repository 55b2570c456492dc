/**
 * The relying party, through openid-client (v6): discovery on first use (retried after a failure),
 * an authorization code request with PKCE (S256), state and nonce, and the code exchange that
 * checks state, issuer, signature, audience, nonce and expiry of the ID token. Claims are read
 * from the ID token first, then from userinfo when the ID token lacks what we need.
 */
import * as client from 'openid-client';
import type { OidcConfig } from '../config/oidc.js';
import { claimedOrgNumber } from './claim-path.js';

export interface SignedIn {
  issuer: string;
  subject: string;
  /** `name`, else given and family name, else null. */
  name: string | null;
  /** From OIDC_ORG_CLAIM, without an ISO 6523 prefix; null when not configured or not stated. */
  orgNumber: string | null;
}

export interface FlowSecrets {
  state: string;
  nonce: string;
  verifier: string;
}

export interface OidcClient {
  newSecrets(): FlowSecrets;
  authorizationUrl(secrets: FlowSecrets): Promise<URL>;
  /** `callbackUrl`: the redirect URI with the query the provider sent. Throws when anything is off. */
  complete(callbackUrl: URL, secrets: FlowSecrets): Promise<SignedIn>;
}

export function createOidcClient(cfg: OidcConfig, redirectUri: string): OidcClient {
  let discovered: Promise<client.Configuration> | null = null;
  const configuration = () =>
    (discovered ??= client
      .discovery(new URL(cfg.issuer), cfg.clientId, undefined, client.ClientSecretBasic(cfg.clientSecret), {
        execute: cfg.allowHttp ? [client.allowInsecureRequests] : [],
      })
      .catch((err: unknown) => {
        discovered = null; // the provider may be back on the next attempt
        throw err;
      }));

  return {
    newSecrets: () => ({ state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier() }),

    async authorizationUrl(secrets) {
      const params: Record<string, string> = {
        redirect_uri: redirectUri,
        scope: cfg.scopes,
        state: secrets.state,
        nonce: secrets.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(secrets.verifier),
        code_challenge_method: 'S256',
      };
      if (cfg.acrValues) params.acr_values = cfg.acrValues;
      if (cfg.authorizationDetails) params.authorization_details = cfg.authorizationDetails;
      return client.buildAuthorizationUrl(await configuration(), params);
    },

    async complete(callbackUrl, secrets) {
      const config = await configuration();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: secrets.verifier,
        expectedState: secrets.state,
        expectedNonce: secrets.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('no ID token');
      const sources: Record<string, unknown>[] = [idClaims];
      const wantsMore = nameOf(idClaims) === null || (cfg.orgClaim !== null && claimedOrgNumber([idClaims], cfg.orgClaim) === null);
      if (wantsMore && config.serverMetadata().userinfo_endpoint) {
        sources.push(await client.fetchUserInfo(config, tokens.access_token, idClaims.sub));
      }
      return {
        issuer: idClaims.iss,
        subject: idClaims.sub,
        name: sources.map(nameOf).find((n) => n !== null) ?? null,
        orgNumber: cfg.orgClaim ? claimedOrgNumber(sources, cfg.orgClaim) : null,
      };
    },
  };
}

function nameOf(claims: Record<string, unknown>): string | null {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  const name = str(claims.name);
  if (name) return name;
  const parts = [str(claims.given_name), str(claims.family_name)].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}
