/**
 * Typed calls to the REST API. Session cookies travel on their own (`same-origin`); failures
 * become an `ApiError` carrying the server's error code and, for validation errors, the field.
 */
import type {
  AddOrganisationBody,
  BoardDto,
  ImageUploadDto,
  UpdateBoardBody,
  AuthStatusDto,
  CreateInviteBody,
  CreateWorkshopBody,
  CreatedWorkshopDto,
  InviteDto,
  InvitePreviewDto,
  InviteSummaryDto,
  JoinBody,
  JoinedDto,
  MemberDto,
  MergeMembersBody,
  MyWorkshopDto,
  OrganisationPatchBody,
  ReenterBody,
  ReentryDto,
  PatchMemberBody,
  UpdateWorkshopBody,
  VisitDto,
  WorkshopDto,
} from '../../shared/api.js';
import type { ErrorBody, ErrorCode } from '../../shared/errors.js';
import type { CompactHistoryDto, CreateMilestoneBody, MilestoneDto, MilestoneWithSnapshotDto, SeenBody, SeenDto, VisionAuthorsDto, VisionHistoryDto } from '../../shared/vision/api.js';

/** `network_error`: no answer at all (offline, server down); `bad_response`: an answer we cannot read. */
export type ClientErrorCode = ErrorCode | 'network_error' | 'bad_response';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    /** The invalid field's path for `validation_failed`, e.g. `organisations.1.name`. */
    readonly field: string | null = null,
    /** `details.reason` of the answer, e.g. `member_removed` on a 401 for a removed member. */
    readonly reason: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** What a request may carry when it must outlive the page (`keepalive`): browsers allow 64 KiB in all. */
const KEEPALIVE_MAX_CHARS = 60_000;

/** `leaving`: sent as the page goes away (kept alive past it when small enough); a Blob `body` (a file) travels as it is, not as JSON. */
async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, leaving = false): Promise<T> {
  let res: Response;
  const file = body instanceof Blob ? body : null;
  const json = body === undefined || file ? undefined : JSON.stringify(body);
  try {
    res = await fetch(path, {
      method,
      keepalive: leaving && (json?.length ?? 0) < KEEPALIVE_MAX_CHARS,
      // fetch() is mode "cors", so browsers send the real Origin on writes even under the server's
      // `Referrer-Policy: no-referrer` (a plain <form> POST would send `Origin: null` and be refused).
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': file ? file.type || 'application/octet-stream' : 'application/json' },
      body: file ?? json,
    });
  } catch (err) {
    throw new ApiError(0, 'network_error', (err as Error).message);
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (res.ok && data !== null) return data as T;
  const error = (data as Partial<ErrorBody> | null)?.error;
  if (!error || typeof error.code !== 'string') throw new ApiError(res.status, 'bad_response', `HTTP ${res.status}`);
  const reason = error.details?.reason;
  throw new ApiError(res.status, error.code, error.message, fieldOf(error), typeof reason === 'string' ? reason : null);
}

/** A 401 that says a facilitator removed me from the workshop (the session was mine). */
export const isRemovedError = (error: unknown): boolean => error instanceof ApiError && error.status === 401 && error.reason === 'member_removed';

function fieldOf(error: ErrorBody['error']): string | null {
  const field = error.details?.field;
  if (typeof field === 'string') return field;
  const prefix = /^([\w.]+):/.exec(error.message);
  return error.code === 'validation_failed' && prefix ? (prefix[1] ?? null) : null;
}

const ws = (id: string) => `/api/workshops/${encodeURIComponent(id)}`;
const mem = (id: string, memberId: string) => `${ws(id)}/members/${encodeURIComponent(memberId)}`;

export const api = {
  createWorkshop: (body: CreateWorkshopBody) => request<CreatedWorkshopDto>('POST', '/api/workshops', body),
  join: (body: JoinBody) => request<JoinedDto>('POST', '/api/join', body),
  /** Whether sign-in is offered, and who is signed in (docs/sign-in.md). */
  authStatus: () => request<AuthStatusDto>('GET', '/api/auth'),
  /** Ends this browser's sign-in (its workshop sessions stay). */
  signOutPerson: () => request<void>('POST', '/auth/logout'),
  workshop: (id: string) => request<WorkshopDto>('GET', ws(id)),
  /** An image for a board (PNG, JPEG or WebP; the server checks the bytes). */
  uploadImage: (id: string, file: Blob) => request<ImageUploadDto>('POST', `${ws(id)}/images`, file),
  /** Boards (facilitators; docs/api.md "Boards"): each answers as the server has it after the change. */
  createBoard: (id: string, title: string) => request<BoardDto>('POST', `${ws(id)}/boards`, { title }),
  updateBoard: (id: string, boardId: string, body: UpdateBoardBody) => request<BoardDto[]>('PATCH', `${ws(id)}/boards/${encodeURIComponent(boardId)}`, body),
  duplicateBoard: (id: string, boardId: string) => request<BoardDto>('POST', `${ws(id)}/boards/${encodeURIComponent(boardId)}/duplicate`, {}),
  deleteBoard: (id: string, boardId: string) => request<BoardDto[]>('DELETE', `${ws(id)}/boards/${encodeURIComponent(boardId)}`),
  changes: (id: string, room: string) =>
    request<{ changes: Array<{ room: string; key: string; memberId: string; organisationId: string | null; at: string }> }>('GET', `${ws(id)}/changes?room=${encodeURIComponent(room)}`).then((r) => r.changes),
  members: (id: string) => request<{ members: MemberDto[] }>('GET', `${ws(id)}/members`).then((r) => r.members),
  changeRole: (id: string, memberId: string, role: MemberDto['role']) => request<MemberDto>('PATCH', mem(id, memberId), { role } satisfies PatchMemberBody),
  renameMember: (id: string, memberId: string, displayName: string) => request<MemberDto>('PATCH', mem(id, memberId), { displayName } satisfies PatchMemberBody),
  removeMember: (id: string, memberId: string) => request<void>('DELETE', mem(id, memberId)),
  mergeMembers: (id: string, from: string, into: string) => request<MemberDto>('POST', `${ws(id)}/members/merge`, { from, into } satisfies MergeMembersBody),
  /** A new personal re-entry link for me (the old one stops working). */
  renewReentry: (id: string, memberId: string) => request<ReentryDto>('POST', `${mem(id, memberId)}/reentry`).then((r) => r.link),
  reenter: (secret: string) => request<JoinedDto>('POST', '/api/reenter', { secret } satisfies ReenterBody),
  visit: (id: string) => request<VisitDto>('POST', `${ws(id)}/visit`),
  signOut: (id: string) => request<void>('DELETE', `${ws(id)}/session`),
  myWorkshops: () => request<{ workshops: MyWorkshopDto[] }>('GET', '/api/me/workshops').then((r) => r.workshops),
  /** A signed-in person's workshop this browser holds no session of yet: opens one (docs/sign-in.md). */
  enterWorkshop: (id: string) => request<{ workshopId: string; member: MemberDto }>('POST', `/api/me/workshops/${encodeURIComponent(id)}/enter`),
  invitePreview: (token: string) => request<InvitePreviewDto>('GET', `/api/join/${encodeURIComponent(token)}`),
  invites: (id: string) => request<{ invites: InviteSummaryDto[] }>('GET', `${ws(id)}/invites`).then((r) => r.invites),
  /** Names or un-names a representative (issue #14); `confirmation` when a facilitator names someone. */
  patchMember: (id: string, memberId: string, body: PatchMemberBody) => request<MemberDto>('PATCH', mem(id, memberId), body),
  createInvite: (id: string, body: CreateInviteBody) => request<InviteDto>('POST', `${ws(id)}/invites`, body),
  revokeInvite: (id: string, inviteId: string) => request<void>('DELETE', `${ws(id)}/invites/${encodeURIComponent(inviteId)}`),
  deleteWorkshop: (id: string) => request<void>('DELETE', ws(id)),
  updateWorkshop: (id: string, body: UpdateWorkshopBody) => request<WorkshopDto>('PATCH', ws(id), body),
  addOrganisation: (id: string, name: string) => request<WorkshopDto>('POST', `${ws(id)}/organisations`, { name } satisfies AddOrganisationBody),
  setOrganisationColor: (id: string, orgId: string, color: string | null) =>
    request<WorkshopDto>('PATCH', `${ws(id)}/organisations/${encodeURIComponent(orgId)}`, { color } satisfies OrganisationPatchBody),
  setOrganisationNumber: (id: string, orgId: string, orgNumber: string | null) =>
    request<WorkshopDto>('PATCH', `${ws(id)}/organisations/${encodeURIComponent(orgId)}`, { orgNumber } satisfies OrganisationPatchBody),
  visionAuthors: (id: string) => request<VisionAuthorsDto>('GET', `${ws(id)}/vision/authors`),
  visionSeen: (id: string) => request<SeenDto>('GET', `${ws(id)}/vision/seen`),
  markVisionSeen: (id: string, snapshot: string, leaving = false) => request<void>('PUT', `${ws(id)}/vision/seen`, { snapshot } satisfies SeenBody, leaving),
  resetVision: (id: string) => request<void>('POST', `${ws(id)}/vision/reset`),
  visionHistory: (id: string) => request<VisionHistoryDto>('GET', `${ws(id)}/vision/history`),
  compactVision: (id: string) => request<CompactHistoryDto>('POST', `${ws(id)}/vision/compact`),
  milestones: (id: string) => request<{ milestones: MilestoneDto[] }>('GET', `${ws(id)}/milestones`).then((r) => r.milestones),
  milestone: (id: string, milestoneId: string) => request<MilestoneWithSnapshotDto>('GET', `${ws(id)}/milestones/${encodeURIComponent(milestoneId)}`),
  saveMilestone: (id: string, name: string) => request<MilestoneDto>('POST', `${ws(id)}/milestones`, { name } satisfies CreateMilestoneBody),
};
