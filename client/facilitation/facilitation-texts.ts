/**
 * Localised texts of the live workshop: the titles of questions (what a refused command means is
 * `commandErrorText` in client/ui/texts.ts). Functions, so every call reads the active locale.
 */
import { msg, str } from '@lit/localize';
import type { QuestionView } from '../../shared/realtime/index.js';
import { axisNames } from '../ui/vocabulary.js';

export function questionTitle(q: Pick<QuestionView, 'kind' | 'axis'>): string {
  return q.kind === 'maturity' || !q.axis ? msg('Maturity: which generation are you?', { id: 'fac_q_maturity' }) : msg(str`Paradox: ${axisNames(q.axis).name}`, { id: 'fac_q_paradox' });
}
