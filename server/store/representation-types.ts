/**
 * Records and repo of who may commit an organisation (issue #14): its representatives, and the
 * anchors of its stances (its line or leadership confirmed them). Part of the one Store contract
 * (./types.ts); tables of migration 012_representation.
 */

export interface RepresentativeRecord {
  workshopId: string;
  memberId: string;
  organisationId: string;
  /** Who named them; null for the organisation's first member and a representation passed on. */
  namedBy: string | null;
  /** Who in the organisation confirmed it, and how (a facilitator naming someone gives it). */
  confirmation: string | null;
  /** Who created the invite the member joined with (null: the workshop's creator, or unknown). */
  invitedBy: string | null;
  at: string;
}

export interface AnchorRecord {
  workshopId: string;
  principleId: string;
  version: number;
  organisationId: string;
  /** The representative who recorded it. */
  memberId: string;
  confirmedBy: string;
  role: string;
  /** YYYY-MM-DD. */
  date: string;
  reference: string | null;
  /** `at` of the stance it anchors: a later stance of the organisation on the same version is not anchored. */
  stanceAt: string;
  at: string;
}

export interface RepresentationRepo {
  /** Every representative of the workshop, oldest first. */
  representatives(workshopId: string): Promise<RepresentativeRecord[]>;
  /** Adds a representative; false when they already are one. */
  name(r: RepresentativeRecord): Promise<boolean>;
  /** False when they were not one. */
  unname(workshopId: string, memberId: string): Promise<boolean>;
  /** The creator of the invite this member joined with (their `member.joined` audit entry), if known. */
  inviterOf(workshopId: string, memberId: string): Promise<string | null>;
  /** Records an anchor, replacing the organisation's earlier one on that version. */
  anchor(a: AnchorRecord): Promise<void>;
  /** Every anchor of the workshop. */
  anchors(workshopId: string): Promise<AnchorRecord[]>;
}
