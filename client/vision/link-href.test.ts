import { describe, expect, it } from 'vitest';
import { normaliseHref } from './link-href.js';

describe('normaliseHref', () => {
  it('keeps http, https and mailto, and completes bare addresses', () => {
    expect(normaliseHref(' https://www.nav.no/ ')).toBe('https://www.nav.no/');
    expect(normaliseHref('mailto:post@nav.no')).toBe('mailto:post@nav.no');
    expect(normaliseHref('www.digdir.no/om')).toBe('https://www.digdir.no/om');
    expect(normaliseHref('post@bergen.kommune.no')).toBe('mailto:post@bergen.kommune.no');
  });
  it('refuses other schemes and non-addresses', () => {
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x', 'ftp://x.no', '', 'berre ord', 'https://x.no/a b'])
      expect([bad, normaliseHref(bad)]).toEqual([bad, null]);
  });
});
