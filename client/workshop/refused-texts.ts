/**
 * What a refused update means, in the person's language. The server names the rule in the close
 * reason (`update refused: <rule>`, see shared/errors.ts); rules are recognised by the words in
 * their names (`ownership`, `author-field`, `max-depth`, …), so a rule added later still finds its
 * sentence when it fits one, and the generic sentence otherwise.
 */
import { msg, str } from '@lit/localize';
import { parseRoom } from '../../shared/ids.js';

type Kind = 'suggestion' | 'comment-owner' | 'too-long' | 'doc-full' | 'board-full' | 'decided' | 'owner' | 'author' | 'read-only' | 'nesting' | 'size' | 'content';

/** Checked in order: the first kind with a word of the rule starting with one of its stems. */
const STEMS: Array<[Kind, string[]]> = [
  ['suggestion', ['suggest']],
  ['decided', ['principle', 'proposed', 'closed', 'frozen']],
  ['author', ['author', 'client']],
  ['owner', ['own', 'organi', 'org']],
  ['read-only', ['read', 'lock', 'observer']],
  ['nesting', ['depth', 'deep', 'nest']],
  ['size', ['size', 'large', 'big', 'long', 'many', 'count', 'cap']],
  ['content', ['kind', 'content', 'schema', 'type', 'shape', 'field']],
];

export function refusalKind(rule: string | null): Kind | null {
  if (!rule) return null;
  if (rule === 'too-long' || rule === 'doc-full' || rule === 'board-full' || rule === 'comment-owner') return rule;
  const words = rule.toLowerCase().split(/[^a-z]+/).filter(Boolean);
  return STEMS.find(([, stems]) => words.some((w) => stems.some((s) => w.startsWith(s))))?.[0] ?? null;
}

/** One sentence: why the server refused the change. `maxChars` is the vision's cap. */
export function refusalText(rule: string | null, maxChars: number, room?: string): string {
  const kind = refusalKind(rule);
  if (kind === 'doc-full' && room && parseRoom(room)?.part.kind === 'vision') {
    return msg('Your change was not saved: the vision has reached the most it may hold, its history of deleted text included. A facilitator can compact the history (The journey → Compact the history); the milestones stay.', {
      id: 'refused_doc_full_vision',
    });
  }
  switch (kind) {
    case 'too-long':
      return msg(str`Your change was not saved: the vision would have become longer than the ${maxChars.toLocaleString()} characters it may hold.`, { id: 'refused_too_long' });
    case 'doc-full':
      return msg('Your change was not saved: this part of the workshop has reached the most it may hold, deleted text and history included. Ask a facilitator.', { id: 'refused_doc_full' });
    case 'board-full':
      return msg('Your change was not saved: the board already holds as many elements as it may. Delete some, or use another board.', { id: 'refused_board_full' });
    case 'decided':
      return msg('Your change was not saved: the principle has been proposed or decided. Only a facilitator may change a proposed principle, and nobody a closed one; propose an amendment instead.', {
        id: 'refused_decided',
      });
    case 'comment-owner':
      return msg('Your change was not saved: only its author or a facilitator may change or delete a comment.', { id: 'refused_comment_owner' });
    case 'suggestion':
      return msg('Your change was not saved: while the facilitator asks for suggestions, you can only add your own suggestions or withdraw them.', { id: 'refused_suggestion' });
    case 'owner':
      return msg('Your change was not saved: it changed something that only its organisation (or a facilitator) may change.', { id: 'refused_owner' });
    case 'author':
      return msg('Your change was not saved: it named someone else as the author.', { id: 'refused_author' });
    case 'read-only':
      return msg('Your change was not saved: you can only read here right now.', { id: 'refused_read_only' });
    case 'nesting':
      return msg('Your change was not saved: it nested content more deeply than the workshop allows.', { id: 'refused_nesting' });
    case 'size':
      return msg('Your change was not saved: it was larger than the workshop allows.', { id: 'refused_size' });
    case 'content':
      return msg('Your change was not saved: it held content the workshop does not accept.', { id: 'refused_content' });
    default:
      return msg('Your change was not saved: the server refused it because it broke a rule of the workshop.', { id: 'refused_generic' });
  }
}

/** The part of the workshop a room holds, for the notice's heading. */
export function roomPartName(room: string): string {
  switch (parseRoom(room)?.part.kind) {
    case 'vision':
      return msg('Vision', { id: 'ws_tab_vision' });
    case 'charter':
      return msg('Charter', { id: 'ws_tab_charter' });
    default:
      return msg('Board', { id: 'ws_tab_board' });
  }
}
