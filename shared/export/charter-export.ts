/**
 * The charter export, version 1: everything the written agreement carries, in one
 * machine-readable shape. The JSON export is exactly this; Markdown, DOCX and PDF render it.
 * `docs/charter-export.schema.json` is generated from these schemas (`npm run schema:export`)
 * and a test keeps the two equal.
 */
import { z } from 'zod';
import { AuditEntryDto } from '../audit.js';
import { MethodsExport } from './charter-export-methods.js';

export const CHARTER_EXPORT_VERSION = 1;

const Inline = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  /** http, https or mailto only. */
  href: z.string().optional(),
});
export type Inline = z.infer<typeof Inline>;

/**
 * Deepest nesting of quotes and lists in `vision` (a list and its items count one level): the
 * server flattens anything deeper into the deepest level, keeping its text in order.
 */
export const MAX_BLOCK_DEPTH = 16;

export type Block =
  | { type: 'heading'; level: number; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'quote'; blocks: Block[] }
  | { type: 'list'; ordered: boolean; items: Block[][] };

export const Block: z.ZodType<Block> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('heading'), level: z.number().int().min(1).max(6), content: z.array(Inline) }),
    z.object({ type: z.literal('paragraph'), content: z.array(Inline) }),
    z.object({ type: z.literal('quote'), blocks: z.array(Block) }),
    z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.array(Block)) }),
  ]),
).meta({ id: 'Block', description: 'A block of the vision: heading, paragraph, quote or list.' });

const Stance = z.object({
  organisationId: z.string(),
  organisation: z.string(),
  stance: z.enum(['endorse', 'object', 'abstain']),
  person: z.string(),
  at: z.string(),
  reason: z.string().nullable(),
  /** Its organisation's line or leadership confirmed this stance (issue #14): who, role, date (YYYY-MM-DD), reference, and who recorded it (a name) when. */
  anchor: z.object({ confirmedBy: z.string(), role: z.string(), date: z.string(), reference: z.string().nullable(), by: z.string(), at: z.string() }).nullable(),
  /** The person took it as the organisation's representative: who invited them, who named them (names) and with which confirmation; null when they no longer represent it. */
  representative: z.object({ invitedBy: z.string().nullable(), namedBy: z.string().nullable(), confirmation: z.string().nullable() }).nullable(),
});

const OrganisationRef = z.object({ organisationId: z.string(), organisation: z.string() });

const StanceName = z.enum(['endorse', 'object', 'abstain']);

/** An organisation's stance on a milestone of the vision (issue #17): taken by `person`, a representative. */
const VisionStance = z.object({ organisationId: z.string(), organisation: z.string(), stance: StanceName, person: z.string(), at: z.string(), reason: z.string().nullable() });

/** One entry of the audit chain, as the audit API serves it. */
const AuditChainEntry = AuditEntryDto;

/**
 * An organisation's self-assessment last changed by someone outside it (a facilitator), as the
 * server recorded it (since issue #13): who, acting for which organisation, and when. Null when
 * the organisation's own members (or its applied answers) gave the value.
 */
const ChangedBy = z.object({ person: z.string(), organisation: z.string().nullable(), at: z.string() }).nullable();

export const CharterExport = z.object({
  format: z.literal('samskap-charter'),
  version: z.literal(CHARTER_EXPORT_VERSION),
  language: z.enum(['nn', 'nb', 'en']),
  exportedAt: z.string(),
  workshop: z.object({ id: z.string(), title: z.string(), createdAt: z.string() }),
  organisations: z.array(z.object({ id: z.string(), name: z.string(), color: z.string().nullable() })),
  vision: z.array(Block),
  /**
   * The vision as the organisations endorsed it, for the cover (since issue #17; older exports lack
   * it): the latest milestone an organisation endorsed, every organisation's stance on it, whether
   * the vision's text (as `vision` reads) has changed since, and where each other organisation
   * stands (its latest stance on another milestone, or none). Null when no organisation has
   * endorsed a milestone.
   */
  visionEndorsement: z
    .object({
      milestoneId: z.string(),
      milestone: z.string(),
      createdAt: z.string(),
      stances: z.array(VisionStance),
      textChanged: z.boolean(),
      elsewhere: z.array(z.object({ organisationId: z.string(), organisation: z.string(), milestone: z.string().nullable(), stance: StanceName.nullable(), at: z.string().nullable() })),
    })
    .nullable()
    .default(null),
  actors: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      role: z.string(),
      needs: z.string(),
      requirements: z.string(),
      gains: z.string(),
      // Since issue #17 (older exports lack it): the participating organisation the actor is.
      organisation: z.string().nullable().default(null),
    }),
  ),
  relations: z.array(z.object({ from: z.string(), to: z.string(), kind: z.string(), note: z.string() })),
  maturity: z.array(
    z.object({
      organisationId: z.string(),
      organisation: z.string(),
      generation: z.number().int().min(1).max(4),
      justification: z.string(),
      changedBy: ChangedBy,
      // Since issue #17 (older exports lack them): where it wants to be, other steps it stands on.
      target: z.number().int().min(1).max(4).nullable().default(null),
      alsoOn: z.array(z.number().int().min(1).max(4)).default([]),
    }),
  ),
  paradoxes: z.array(
    z.object({ axis: z.string(), organisationId: z.string(), organisation: z.string(), position: z.number().min(0).max(100), note: z.string(), changedBy: ChangedBy }),
  ),
  /** Where the partnership wants to be on each axis (since issue #17; older exports lack it). */
  paradoxTargets: z.array(z.object({ axis: z.string(), position: z.number().min(0).max(100), note: z.string() })).default([]),
  governance: z.object({
    bodies: z.array(
      z.object({ name: z.string(), mandate: z.string(), members: z.array(z.string()), chair: z.string(), rule: z.string(), rhythm: z.string() }),
    ),
    escalation: z.array(z.object({ label: z.string(), body: z.string().nullable() })),
    funding: z.array(
      z.object({
        who: z.string(),
        /** The participating organisation the funding comes from, when named (since issue #17). */
        organisationId: z.string().nullable(),
        organisation: z.string().nullable(),
        /** Norwegian kroner. */
        amount: z.number().nullable(),
        /** Percent, 0–100. */
        share: z.number().nullable(),
      }),
    ),
    /** Columns are bodies and organisations by name; cells decide / consult / inform or null. */
    matrix: z.object({
      parties: z.array(z.string()),
      rows: z.array(z.object({ decision: z.string(), cells: z.array(z.enum(['decide', 'consult', 'inform']).nullable()) })),
    }),
  }),
  // The report's methods (since issue #17; older exports lack them): ./charter-export-methods.ts.
  ...MethodsExport,
  principles: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      status: z.enum(['draft', 'open', 'blocked', 'agreed', 'rejected', 'stale']),
      rule: z.string().nullable(),
      /** SHA-256 (hex) of the text that was proposed and endorsed. */
      textHash: z.string().nullable(),
      proposedAt: z.string().nullable(),
      /** Latest stance of each bound organisation (the ones that decided). */
      stances: z.array(Stance),
      /** The organisations whose stance counts, fixed when it was proposed (since issue #13). */
      boundOrganisations: z.array(OrganisationRef),
      /** Closed: its `status` is the outcome recorded when it closed, whatever happened later. */
      closed: z.boolean(),
      /** When it closed; null while open (and for a principle closed before this was recorded). */
      closedAt: z.string().nullable(),
      /** Organisations outside the bound set that took a stance afterwards (joined after the fact); never change `status`. */
      laterStances: z.array(Stance),
      /** The workshop's other organisations: neither bound nor joined after the fact. Empty for a draft. */
      notYetJoined: z.array(OrganisationRef),
      /** For an amendment: the id of the adopted principle it would replace (since issue #13). */
      amends: z.string().nullable(),
      /** The agreed, closed amendment that replaced this principle; its own status and stances stay. */
      supersededBy: z.string().nullable(),
      /** Taken out by a facilitator: when, by whom (name) and why. */
      retired: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
      /** Its draft was deleted from the charter: only the record of its proposal is left. */
      removed: z.boolean(),
    }),
  ),
  /** True when every principle is listed; false when only agreed ones are. */
  allPrinciples: z.boolean(),
  milestones: z.array(
    z.object({
      name: z.string(),
      createdAt: z.string(),
      createdBy: z.string(),
      // Since issue #17 (older exports lack them): its id, and each organisation's stance on it.
      id: z.string().default(''),
      stances: z.array(VisionStance).default([]),
    }),
  ),
  audit: z.object({
    /** Hash of the newest audit entry: compare with `GET /api/workshops/:id/audit`. */
    headHash: z.string(),
    entries: z.number().int().min(0),
    verified: z.boolean(),
    /** The head carries a signature, and it verified with `publicKey` at export. */
    signed: z.boolean(),
    signatureVerified: z.boolean(),
    /** Ed25519 signature (base64) over the head (`samskap-audit-head/1\n<workshopId>\n<seq>\n<hash>`); null when unsigned. */
    signature: z.string().nullable(),
    /** The server's audit key (base64, raw 32 bytes), as `GET /api/audit-key` serves it. */
    publicKey: z.string(),
    /** SHA-256 of the raw key, hex in groups of four. */
    fingerprint: z.string(),
    /** The whole chain, so `npm run verify-charter -- <file>` can check it offline. */
    chain: z.array(AuditChainEntry),
    /** Chains imported with the workshop from a backup, oldest first. */
    imported: z.array(
      z.object({
        workshopId: z.string(),
        entries: z.number().int().min(0),
        headHash: z.string(),
        /** `provenance: <fingerprint>` when the head verified with the key its backup carried, else `unverified`. */
        provenance: z.string(),
        /** Fingerprint of that key; null when unverified. */
        fingerprint: z.string().nullable(),
      }),
    ),
  }),
});
export type CharterExport = z.infer<typeof CharterExport>;

/** The JSON Schema of the export (draft 2020-12), as published in docs/. */
export function charterExportJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://samskap.no/schemas/charter-export.v1.json',
    title: 'Samskap charter export, version 1',
    ...z.toJSONSchema(CharterExport, { target: 'draft-2020-12' }),
  };
}

/** Query of `GET /api/workshops/:id/export/charter`. */
export const CharterExportQuery = z.strictObject({
  format: z.enum(['md', 'docx', 'pdf', 'json']),
  lang: z.enum(['nn', 'nb', 'en']).optional(),
  all: z.enum(['true', 'false']).optional(),
});

/** Query of `GET /api/workshops/:id/export/board/:boardId`. */
export const BoardExportQuery = z.strictObject({
  format: z.enum(['svg', 'png']),
  frame: z.string().max(64).optional(),
});
