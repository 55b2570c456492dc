import { describe, expect, it } from 'vitest';
import { contrastRatio, tint } from './color.js';

describe('colour rules', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#1d4ed8', '#ffffff')).toBeGreaterThan(4.5);
    expect(contrastRatio('#facc15', '#ffffff')).toBeLessThan(4.5);
  });
  it('tints towards white, keeping dark text readable on it', () => {
    expect(tint('#1d4ed8')).toMatch(/^#[0-9a-f]{6}$/);
    expect(contrastRatio(tint('#1d4ed8'), '#1a1a1a')).toBeGreaterThan(4.5);
  });
});
