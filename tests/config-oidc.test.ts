import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../server/config/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'samskap-config-oidc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const on = { DATA_DIR: dir, PUBLIC_URL: 'https://samskap.example.no', OIDC_ISSUER: 'https://test.ansattporten.no', OIDC_CLIENT_ID: 'id', OIDC_CLIENT_SECRET: 'secret' };

describe('sign-in configuration', () => {
  it('is off without OIDC_ISSUER, with defaults when on', () => {
    expect(loadConfig({ DATA_DIR: dir })).toMatchObject({ oidc: null, sessionIdleDays: 30 });
    expect(loadConfig({ ...on, OIDC_AUTHORIZATION_DETAILS: '{"type":"ansattporten:altinn:resource","resource":"urn:altinn:resource:x"}', SESSION_IDLE_DAYS: '7' })).toMatchObject({
      sessionIdleDays: 7,
      oidc: { issuer: on.OIDC_ISSUER, scopes: 'openid profile', acrValues: null, label: 'test.ansattporten.no', allowHttp: false, authorizationDetails: '[{"type":"ansattporten:altinn:resource","resource":"urn:altinn:resource:x"}]' },
    });
    expect(loadConfig({ ...on, OIDC_ISSUER: 'http://localhost:9000', OIDC_LABEL: 'ID-porten' }).oidc).toMatchObject({ allowHttp: true, label: 'ID-porten' });
  });

  it.each([
    [{ PUBLIC_URL: undefined }, 'PUBLIC_URL is needed when sign-in is on'],
    [{ OIDC_CLIENT_ID: undefined }, 'OIDC_CLIENT_ID is needed'],
    [{ OIDC_CLIENT_SECRET: undefined }, 'OIDC_CLIENT_SECRET is needed'],
    [{ OIDC_ISSUER: 'http://idp.example' }, 'OIDC_ISSUER must be an https URL'],
    [{ OIDC_ISSUER: undefined }, 'OIDC_ISSUER is needed when OIDC_CLIENT_ID is set'],
    [{ OIDC_SCOPES: 'profile' }, 'OIDC_SCOPES must include openid'],
    [{ OIDC_ORG_CLAIM: 'a..b' }, 'OIDC_ORG_CLAIM has an invalid segment'],
    [{ OIDC_AUTHORIZATION_DETAILS: '{nope' }, 'OIDC_AUTHORIZATION_DETAILS must be JSON'],
    [{ OIDC_AUTHORIZATION_DETAILS: '[{"resource":"x"}]' }, 'OIDC_AUTHORIZATION_DETAILS must be a JSON object or array'],
    [{ SESSION_IDLE_DAYS: '0' }, 'SESSION_IDLE_DAYS must be between 1 and 3650'],
  ])('refuses %j with one line naming the variable', (change, message) => {
    try {
      loadConfig({ ...on, ...change });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toContain(message);
      expect((err as Error).message).not.toContain('\n');
      expect((err as Error).message).not.toContain('secret"');
    }
  });
});
