import { describe, expect, it } from 'vitest';
import { isOrgNumber } from '../../shared/org-number.js';
import { claimedOrgNumber, parseClaimPath } from './claim-path.js';
import { safeReturnTo } from './flow-cookie.js';

describe('OIDC_ORG_CLAIM paths', () => {
  const ansattporten = { authorization_details: [{ type: 'other' }, { type: 'ansattporten:altinn:resource', orgno: '0192:991825827', authorized_parties: [{ orgno: { ID: '0192:889640782' } }] }] };
  it.each([
    ['orgno', { orgno: '991825827' }, '991825827'],
    ['orgno', { orgno: 991825827 }, '991825827'],
    ['authorization_details[1].orgno', ansattporten, '991825827'],
    ['authorization_details.1.orgno', ansattporten, '991825827'],
    ['authorization_details[0].orgno', ansattporten, null],
    ['authorization_details[].orgno', ansattporten, '991825827'],
    ['authorization_details[].authorized_parties[].orgno.ID', ansattporten, '889640782'],
    ['missing.path', ansattporten, null],
    ['authorization_details', ansattporten, null],
  ])('%s', (path, claims, expected) => {
    expect(claimedOrgNumber([claims], parseClaimPath(path))).toBe(expected);
  });

  it('looks in the ID token first, then userinfo', () => {
    expect(claimedOrgNumber([{}, { orgno: '889640782' }], parseClaimPath('orgno'))).toBe('889640782');
    expect(claimedOrgNumber([{ orgno: '991825827' }, { orgno: '889640782' }], parseClaimPath('orgno'))).toBe('991825827');
  });

  it.each(['', 'a..b', 'a[x]', '[0]', 'a b', 'a]'])('refuses %j', (path) => {
    expect(() => parseClaimPath(path)).toThrow();
  });
});

describe('organisation numbers', () => {
  it.each([
    ['991825827', true],
    ['889640782', true],
    ['991825828', false],
    ['99182582', false],
    ['9918258270', false],
    ['99182582a', false],
  ])('%s → %s', (n, ok) => expect(isOrgNumber(n)).toBe(ok));
});

describe('returnTo', () => {
  it.each([
    ['/w/abc', '/w/abc'],
    ['/w/abc?x=1#y', '/w/abc?x=1#y'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['/\t/evil.example', '/'],
    ['/\n/evil.example', '/'],
    ['https://evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['w/abc', '/'],
    ['', '/'],
    [undefined, '/'],
    [['/a', '/b'], '/'],
  ])('%j → %s', (given, expected) => expect(safeReturnTo(given)).toBe(expected));
});
