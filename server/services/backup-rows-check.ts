/**
 * The rows of a backup, checked table by table against BACKUP_ROW_SCHEMAS before an import
 * writes anything: every `workshop_id` is the file's own workshop, every reference names a record
 * of the file (or a principle or element defined in its own documents), so a file can never write
 * into another workshop. Then what is private stays behind: an unrevealed question keeps no
 * answers, an open round no votes (both imported as closed, without a result, and named in
 * `warnings`), and a closed round keeps only its tally.
 */
import * as Y from 'yjs';
import { BoardKey } from '../../shared/board/schema.js';
import { CharterKey } from '../../shared/charter/schema.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import type { BackupContent } from '../../shared/export/backup.js';
import { BACKUP_ROW_SCHEMAS, RECORD_KIND_OF, VoteTally, type RefKind } from '../../shared/export/backup-rows.js';
import { ID_PATTERN, parseRoom } from '../../shared/ids.js';
import type { BackupRow, BackupRows } from '../store/backup-tables.js';
import { checkedBindings } from './backup-bindings.js';
import { sniffImage } from './image-sniff.js';
import { checkedAnchors, checkedRepresentatives } from './backup-representation.js';

const invalid = (why: string) => new AppError(ErrorCode.backupInvalid, 400, `This is not a usable Samskap backup: ${why}.`);
const quoted = (s: string) => JSON.stringify(s.slice(0, 40));

/** Every key a top-level map of the document ever held (deleted ones too: a round may name a removed element). */
function keysEver(b64: string | undefined, map: string): Set<string> {
  if (b64 === undefined) return new Set();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(Buffer.from(b64, 'base64')));
  const keys = new Set(doc.getMap(map)._map.keys());
  doc.destroy();
  return keys;
}

export interface CheckedRows {
  rows: BackupRows;
  warnings: string[];
}

export function checkedRows(content: BackupContent, closedAt: string): CheckedRows {
  const source = content.sourceWorkshopId;
  const typed: Record<string, BackupRow[]> = {};
  for (const [table, list] of Object.entries(content.rows)) {
    const shape = BACKUP_ROW_SCHEMAS[table];
    if (!shape) throw invalid(`it has an unknown table ${quoted(table)}`);
    typed[table] = list.map((row) => {
      const parsed = shape.row.safeParse(row);
      if (parsed.success) return row;
      const issue = parsed.error.issues[0]!;
      if (issue.code === 'unrecognized_keys') throw invalid(`it has an unknown column ${quoted(issue.keys[0] ?? '')} in ${table}`);
      throw invalid(`a row of ${table} is malformed at ${issue.path.join('.') || 'the top'}`);
    });
    const key = shape.key;
    if (key && new Set(typed[table].map((r) => JSON.stringify(key.map((c) => r[c])))).size !== typed[table].length) throw invalid(`two rows of ${table} have the same ${key.join(' and ')}`);
  }

  const defined = new Map<RefKind, Set<string>>();
  const seen = new Set<string>([source]);
  for (const [table, kind] of Object.entries(RECORD_KIND_OF)) {
    const ids = new Set<string>();
    for (const row of typed[table] ?? []) {
      const id = row.id;
      if (typeof id !== 'string' || !ID_PATTERN.test(id)) throw invalid(`a record of ${table} has no valid id`);
      if (seen.has(id)) throw invalid(`the id ${quoted(id)} is used twice`);
      seen.add(id);
      ids.add(id);
    }
    defined.set(kind, ids);
  }
  for (const part of Object.keys(content.docs)) {
    const room = parseRoom(`${source}/${part}`);
    if (room?.part.kind === 'board' && !defined.get('board')!.has(room.part.boardId)) throw invalid(`its document ${quoted(part)} belongs to no board of the file`);
  }
  defined.set('principle', keysEver(content.docs.charter, CharterKey.principles));
  const elementsOf = new Map<string, Set<string>>();
  const elements = (boardId: string) => {
    if (!elementsOf.has(boardId)) elementsOf.set(boardId, keysEver(content.docs[`board/${boardId}`], BoardKey.elements));
    return elementsOf.get(boardId)!;
  };
  const roundBoard = new Map((typed.vote_rounds ?? []).map((r) => [r.id as string, r.board_id as string]));

  for (const [table, list] of Object.entries(typed)) {
    const refs = BACKUP_ROW_SCHEMAS[table]!.refs;
    for (const row of list) {
      for (const [column, kind] of Object.entries(refs)) {
        const v = row[column];
        if (v === null || v === undefined || kind === 'own') continue;
        const ok =
          kind === 'workshop' ? v === source
          : kind === 'element' ? elements(roundBoard.get(row.round_id as string) ?? '').has(v as string)
          : defined.get(kind)!.has(v as string);
        if (!ok) throw invalid(`${table}.${column} names ${quoted(String(v))}, which is not ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} of this file`);
      }
    }
  }
  for (const image of typed.images ?? []) {
    const bytes = Buffer.from((image.bytes as { $bytes: string }).$bytes, 'base64');
    const sniffed = sniffImage(bytes);
    if (!sniffed || sniffed.mime !== image.mime || bytes.length !== image.size) throw invalid(`the image ${quoted(String(image.id))} is not the ${String(image.mime)} file it says it is`);
  }
  typed.principle_bindings = checkedBindings(typed);
  typed.representatives = checkedRepresentatives(typed);
  typed.principle_anchors = checkedAnchors(typed);
  return privateLeftBehind(typed, elements, closedAt);
}

function privateLeftBehind(typed: Record<string, BackupRow[]>, elements: (boardId: string) => Set<string>, closedAt: string): CheckedRows {
  const warnings: string[] = [];
  const questions = (typed.questions ?? []).map((q): BackupRow => {
    if (q.status === 'revealed') return q;
    warnings.push(`Question ${String(q.id)} was not revealed: imported as closed, without its answers.`);
    return { ...q, status: 'closed' };
  });
  const revealed = new Set(questions.filter((q) => q.status === 'revealed').map((q) => q.id));
  const votes = typed.votes ?? [];
  const rounds = (typed.vote_rounds ?? []).map((r): BackupRow => {
    const id = r.id as string;
    if (r.status === 'open') {
      warnings.push(`Vote round ${id} was open: imported as closed, without a result.`);
      return { ...r, status: 'closed', closed_at: closedAt, tally: null };
    }
    const tally = r.tally ? parsedTally(r.tally as string) : tallyOf(votes.filter((v) => v.round_id === id));
    const onBoard = elements(r.board_id as string);
    if (tally.results.some((t) => !onBoard.has(t.elementId))) throw invalid(`the tally of vote round ${quoted(id)} names an element not on its board`);
    return { ...r, tally: JSON.stringify(tally) };
  });
  for (const r of rounds) {
    const ids = r.element_ids === null || r.element_ids === undefined ? [] : parsedIds(r.element_ids as string);
    if (ids.some((e) => !elements(r.board_id as string).has(e))) throw invalid(`vote round ${quoted(r.id as string)} names an element not on its board`);
  }
  const { votes: _dropped, ...rest } = typed;
  return {
    rows: { ...rest, questions, vote_rounds: rounds, answers: (typed.answers ?? []).filter((a) => revealed.has(a.question_id)) },
    warnings,
  };
}

function parsedTally(json: string): VoteTally {
  try {
    return VoteTally.parse(JSON.parse(json));
  } catch {
    throw invalid('a vote round has a malformed tally');
  }
}

function parsedIds(json: string): string[] {
  try {
    const ids: unknown = JSON.parse(json);
    if (Array.isArray(ids) && ids.every((x) => typeof x === 'string')) return ids as string[];
  } catch {
    // refused below
  }
  throw invalid('a vote round has malformed element ids');
}

/** A round from a file written before tallies: its votes, counted (and then left behind). */
function tallyOf(votes: BackupRow[]): VoteTally {
  const counts = new Map<string, number>();
  for (const v of votes) counts.set(v.element_id as string, (counts.get(v.element_id as string) ?? 0) + 1);
  const results = [...counts].map(([elementId, n]) => ({ elementId, votes: n })).sort((a, b) => b.votes - a.votes || (a.elementId < b.elementId ? -1 : 1));
  return { results, voters: new Set(votes.map((v) => v.member_id)).size };
}
