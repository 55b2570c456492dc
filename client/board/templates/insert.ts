/**
 * Inserting a template from the board page: centred on the view, in the user's language, as the
 * user, as one undo step. Nothing is written for observers (the server would drop it anyway).
 */
import type { TemplateId, TemplateLang } from '../../../shared/board/templates.js';
import { COMMANDS, perform } from '../actions.js';
import type { BoardSession } from '../board-session.js';

/** Inserts `templateId` centred on `center` (board coordinates); returns the new ids. */
export function insertTemplateAtCenter(session: BoardSession, templateId: TemplateId, center: { x: number; y: number }, lang: TemplateLang): string[] {
  return perform(COMMANDS.template, session, { templateId, center, lang }) ?? [];
}
