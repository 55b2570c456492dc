/**
 * The report's methods in the charter export (issue #17), additive to version 1: each field has
 * a default, so an export written before them still parses. Names are resolved (an organisation's
 * name beside its id); amounts are Norwegian kroner, null where a line has none.
 */
import { z } from 'zod';
import { ROADMAP_HORIZONS } from '../charter/charter-methods.js';

const ServiceRef = z.object({ name: z.string(), organisation: z.string().nullable() });

export const MethodsExport = {
  /** The benefits map (gevinstkart): what is gained, who pays, who gains, when, and an amount where there is one. */
  benefits: z.array(z.object({ what: z.string(), payer: z.string(), gainer: z.string(), when: z.string(), amount: z.number().min(0).nullable() })).default([]),
  /** The roadmap, in order: now, next, later, each horizon in its own order. */
  roadmap: z.array(z.object({ text: z.string(), horizon: z.enum(ROADMAP_HORIZONS), owner: z.string() })).default([]),
  /** The service inventory: each service's target group, theme and organisation (null: not one at the table). */
  services: z
    .array(z.object({ name: z.string(), targetGroup: z.string(), theme: z.string(), organisationId: z.string().nullable(), organisation: z.string().nullable() }))
    .default([]),
  /** Services of different organisations for the same target group and theme (shared/charter/charter-methods.ts serviceOverlaps). */
  serviceOverlaps: z.array(z.object({ targetGroup: z.string(), theme: z.string(), services: z.array(ServiceRef) })).default([]),
  /** The life event the partnership is organised around; null when nothing is written. */
  lifeEvent: z.object({ name: z.string(), owner: z.string(), scope: z.string(), mandate: z.string(), funding: z.string() }).nullable().default(null),
};
