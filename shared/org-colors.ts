/**
 * Organisation colours, chosen automatically: distinct hues with a dark variant (text, outlines,
 * ≥ 4.5:1 on white) and a light variant (fills, with dark text ≥ 4.5:1 on it).
 */
import type { OrganisationDto } from './api.js';
import { tint } from './color.js';

export interface OrgColor {
  /** For text, borders and cursors on white. */
  strong: string;
  /** For backgrounds behind dark text. */
  soft: string;
}

// Hand-checked pairs: strong against #fff ≥ 4.5:1; #1a1a1a against soft ≥ 4.5:1.
const PAIRS: OrgColor[] = [
  { strong: '#1d4ed8', soft: '#dbeafe' },
  { strong: '#b91c1c', soft: '#fee2e2' },
  { strong: '#047857', soft: '#d1fae5' },
  { strong: '#7e22ce', soft: '#f3e8ff' },
  { strong: '#b45309', soft: '#fef3c7' },
  { strong: '#0e7490', soft: '#cffafe' },
  { strong: '#be185d', soft: '#fce7f3' },
  { strong: '#4d7c0f', soft: '#ecfccb' },
  { strong: '#4338ca', soft: '#e0e7ff' },
  { strong: '#9a3412', soft: '#ffedd5' },
];
const NONE: OrgColor = { strong: '#4b5563', soft: '#f3f4f6' };

/**
 * organisationId → colour; '' (no organisation) → grey. Automatic colours are stable by the
 * organisations' order; a facilitator's choice (contrast-checked by the server) wins.
 */
export function organisationColors(orgs: OrganisationDto[]): Map<string, OrgColor> {
  const map = new Map<string, OrgColor>([['', NONE]]);
  orgs.forEach((o, i) => map.set(o.id, o.color ? { strong: o.color, soft: tint(o.color) } : PAIRS[i % PAIRS.length]!));
  return map;
}
