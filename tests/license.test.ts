/** The licence the package declares is the one the repository carries (issue #18). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('licence', () => {
  it('LICENSE holds the GNU AGPL v3 text that package.json declares (or later)', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { license: string };
    const text = readFileSync(new URL('../LICENSE', import.meta.url), 'utf8');
    expect(pkg.license).toBe('AGPL-3.0-or-later');
    expect(text.startsWith('GNU AFFERO GENERAL PUBLIC LICENSE\nVersion 3, 19 November 2007')).toBe(true);
    expect(text).toContain('13. Remote Network Interaction; Use with the GNU General Public License.');
    expect(text).toContain('END OF TERMS AND CONDITIONS');
  });
});
