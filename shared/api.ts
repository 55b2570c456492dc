/**
 * REST payloads of `/api`, defined once as zod schemas; TypeScript types derive from them.
 * Documented in docs/api.md.
 */
import { z } from 'zod';
import { contrastRatio, HEX_COLOR, MIN_ORG_CONTRAST } from './color.js';
import { ID_PATTERN } from './ids.js';
import { DecisionRule } from './decisions.js';
import { isOrgNumber } from './org-number.js';
import { Limits } from './limits.js';

export { Limits };


/** Trimmed, non-empty, no control characters, bounded. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'must not contain control characters' });

export const Id = z.string().regex(ID_PATTERN, 'is not a valid id');
/** A Norwegian organisation number: 9 digits with a valid mod-11 check digit (shared/org-number.ts). */
export const OrgNumber = z.string().refine(isOrgNumber, { message: 'must be a Norwegian organisation number (9 digits, valid check digit)' });
export const Language = z.enum(['nn', 'nb', 'en']);
export type Language = z.infer<typeof Language>;
export const Role = z.enum(['facilitator', 'participant', 'observer']);
export type Role = z.infer<typeof Role>;

export const CreateWorkshopBody = z.strictObject({
  title: text(Limits.titleMax),
  organisations: z
    .array(z.strictObject({ name: text(Limits.nameMax), orgNumber: OrgNumber.optional() }))
    .max(Limits.organisationsMax)
    .refine((orgs) => new Set(orgs.map((o) => o.name.toLowerCase())).size === orgs.length, {
      message: 'organisation names must be unique',
    }),
  displayName: text(Limits.nameMax),
  /** Optional: index into `organisations` of the creator's own organisation. */
  organisationIndex: z.number().int().min(0).optional(),
  createCode: z.string().max(Limits.createCodeMax).optional(),
  /** The workshop's default language (Nynorsk unless said otherwise). */
  language: Language.optional(),
});
export type CreateWorkshopBody = z.infer<typeof CreateWorkshopBody>;

export const CreateInviteBody = z
  .strictObject({
    role: Role,
    organisationId: Id.optional(),
    /** Absent: 336 hours (14 days); null: never expires (issue #14). */
    expiresInHours: z.number().positive().max(Limits.inviteMaxHours).nullable().optional(),
    maxUses: z.number().int().min(1).max(Limits.inviteMaxUses).optional(),
  })
  .refine((b) => b.role !== 'participant' || b.organisationId !== undefined, {
    message: 'a participant invite must name an organisation',
    path: ['organisationId'],
  });
export type CreateInviteBody = z.infer<typeof CreateInviteBody>;

export const UpdateWorkshopBody = z
  .strictObject({
    title: text(Limits.titleMax).optional(),
    language: Language.optional(),
    decisionRule: DecisionRule.optional(),
    /** Only an element's organisation and the facilitators may change, move or delete it (issue #13). */
    protectOrganisationContent: z.boolean().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'nothing to change' });
export type UpdateWorkshopBody = z.infer<typeof UpdateWorkshopBody>;

/** `POST /api/workshops/:id/images` (raw body): what the server stored. */
export interface ImageUploadDto {
  id: string;
  mime: 'image/png' | 'image/jpeg' | 'image/webp';
  width: number;
  height: number;
  size: number;
}

/** `POST /api/workshops/:id/boards` (facilitators). */
export const CreateBoardBody = z.strictObject({ title: text(Limits.boardTitleMax) });
export type CreateBoardBody = z.infer<typeof CreateBoardBody>;
/** `PATCH /api/workshops/:id/boards/:boardId`: a new title and/or its place (0 = first) among the boards. */
export const UpdateBoardBody = z
  .strictObject({ title: text(Limits.boardTitleMax).optional(), order: z.number().int().min(0).max(Limits.boardsMax - 1).optional() })
  .refine((b) => b.title !== undefined || b.order !== undefined, { message: 'nothing to change' });
export type UpdateBoardBody = z.infer<typeof UpdateBoardBody>;
/** `POST …/boards/:boardId/duplicate`: the copy's title (default: the original's, marked as a copy). */
export const DuplicateBoardBody = z.strictObject({ title: text(Limits.boardTitleMax).optional() });
export type DuplicateBoardBody = z.infer<typeof DuplicateBoardBody>;

export const AddOrganisationBody = z.strictObject({ name: text(Limits.nameMax), orgNumber: OrgNumber.optional() });
export type AddOrganisationBody = z.infer<typeof AddOrganisationBody>;

/** `color: null` returns the organisation to its automatic colour; `orgNumber: null` removes the number. */
export const OrganisationPatchBody = z
  .strictObject({
    color: z
      .string()
      .regex(HEX_COLOR, 'must be a colour like #1d4ed8')
      .refine((c) => contrastRatio(c, '#ffffff') >= MIN_ORG_CONTRAST, { message: `needs a contrast of at least ${MIN_ORG_CONTRAST}:1 against white` })
      .nullable()
      .optional(),
    orgNumber: OrgNumber.nullable().optional(),
  })
  .refine((b) => b.color !== undefined || b.orgNumber !== undefined, { message: 'nothing to change' });
export type OrganisationPatchBody = z.infer<typeof OrganisationPatchBody>;

/**
 * `PATCH /api/workshops/:id/members/:memberId`: every field optional, at least one of them. A
 * member may change their own `displayName`; the rest is the facilitators' (and representatives').
 * `confirmation` (who in the organisation confirmed a representative, and how) goes with
 * `representative: true` and is required when a facilitator names someone (docs/api.md).
 */
export const PatchMemberBody = z
  .strictObject({
    role: Role.optional(),
    displayName: text(Limits.nameMax).optional(),
    representative: z.boolean().optional(),
    confirmation: text(Limits.confirmationMax).optional(),
  })
  .refine((b) => b.role !== undefined || b.representative !== undefined || b.displayName !== undefined, { message: 'nothing to change' })
  .refine((b) => b.confirmation === undefined || b.representative === true, { message: 'a confirmation goes with representative: true', path: ['confirmation'] });
export type PatchMemberBody = z.infer<typeof PatchMemberBody>;

/** `POST /api/workshops/:id/members/merge`: two records of one person become one (an alias; nothing is rewritten). */
export const MergeMembersBody = z.strictObject({ from: Id, into: Id });
export type MergeMembersBody = z.infer<typeof MergeMembersBody>;

/** `POST /api/reenter`: the secret of a personal re-entry link. */
export const ReenterBody = z.strictObject({ secret: z.string().min(1).max(Limits.tokenMax) });
export type ReenterBody = z.infer<typeof ReenterBody>;

export const JoinBody = z.strictObject({
  inviteToken: z.string().min(1).max(Limits.tokenMax),
  displayName: text(Limits.nameMax),
});
export type JoinBody = z.infer<typeof JoinBody>;

export interface OrganisationDto {
  id: string;
  name: string;
  /** Chosen by a facilitator; null means the automatic colour. */
  color: string | null;
  /** Norwegian organisation number, matched against a signed-in person's organisation claim; null when not given. */
  orgNumber: string | null;
}
/** How a member became their organisation's representative (issue #14). */
export interface RepresentationDto {
  /** Who named them; null for the organisation's first member (or a representation passed on). */
  namedBy: string | null;
  /** Who in the organisation confirmed it, and how, when a facilitator named them. */
  confirmation: string | null;
  at: string;
}
export interface MemberDto {
  id: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  createdAt: string;
  /** A former member (removed by a facilitator): their content stays, attributed to them. */
  removedAt: string | null;
  /** Another record of the same person: views show that member instead (an alias). */
  mergedInto: string | null;
  /** Who made the invite this member joined with (null for the creator and imported members). */
  invitedBy: string | null;
  /** Takes stances for their organisation (issue #14). */
  representative: boolean;
  /** Set for representatives, else null. */
  representation: RepresentationDto | null;
}
export interface BoardDto {
  id: string;
  title: string;
  room: string;
}
export interface WorkshopDto {
  id: string;
  title: string;
  language: Language;
  /** How principles are agreed: consensus (default), consent or majority. */
  decisionRule: DecisionRule;
  /** Board elements that name an organisation may be changed only by it and the facilitators. */
  protectOrganisationContent: boolean;
  createdAt: string;
  organisations: OrganisationDto[];
  boards: BoardDto[];
  rooms: string[];
  me: MemberDto;
  /** Caps the client checks before the server refuses. */
  limits: { visionMaxChars: number };
}
export interface CreatedWorkshopDto {
  id: string;
  title: string;
  organisations: OrganisationDto[];
  token: string;
  member: MemberDto;
}
/** `POST /api/workshops/import`: a created workshop, and what the import left behind (docs/api.md). */
export interface ImportedWorkshopDto extends CreatedWorkshopDto {
  warnings: string[];
}
export interface InviteDto {
  id: string;
  token: string;
  link: string;
  role: Role;
  organisationId: string | null;
  expiresAt: string | null;
  maxUses: number | null;
}
export interface InviteSummaryDto {
  id: string;
  role: Role;
  organisationId: string | null;
  /** The member who made it. */
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  maxUses: number | null;
  uses: number;
  revokedAt: string | null;
}
export interface JoinedDto {
  member: MemberDto;
  token: string;
  workshopId: string;
  /** True when the caller already was this member (a session of the workshop came with the request): nothing was created, no use counted. */
  existing: boolean;
}

/** `GET /api/join/:token`: what the link joins, shown before anyone types a name. */
export interface InvitePreviewDto {
  workshopTitle: string;
  language: Language;
  organisation: { id: string; name: string } | null;
  role: Role;
  expiresAt: string | null;
  /** This browser (or bearer) is already this link's member: the join page goes to the workshop. */
  you?: { workshopId: string; memberId: string; displayName: string };
}
/** `POST /api/workshops/:id/members/:memberId/reentry`: a personal link to open the workshop on another device. */
export interface ReentryDto {
  link: string;
}
/** `POST /api/workshops/:id/visit`: the visit before this one (null on the first). */
export interface VisitDto {
  previousVisitAt: string | null;
  at: string;
}
/** One entry of `GET /api/me/workshops`. */
export interface MyWorkshopDto {
  id: string;
  title: string;
  language: Language;
  member: MemberDto;
  organisationName: string | null;
  lastVisitAt: string | null;
  /** Audit entries and document entries changed by others since the last visit (all of them before a first visit). */
  changesSinceLastVisit: number;
  /** Only through sign-in: this browser holds no session of the workshop yet (`POST /api/me/workshops/:id/enter` opens one). */
  viaSignIn?: true;
}

/** A new invite's lifetime when `expiresInHours` is absent: 14 days. */
export const INVITE_DEFAULT_HOURS = 336;

/** `GET /api/auth`: whether sign-in is offered (and as what), and who is signed in in this browser. */
export interface AuthStatusDto {
  signIn: { enabled: boolean; label: string | null };
  person: { name: string; orgNumber: string | null } | null;
}
