/**
 * Localised texts of the live workshop: the titles of questions (what a refused command means is
 * `commandErrorText` in client/ui/texts.ts). Functions, so every call reads the active locale.
 */
import { msg, str } from '@lit/localize';
import type { QuestionView } from '../../shared/realtime/index.js';
import { axisNames } from '../ui/vocabulary.js';

export function questionTitle(q: Pick<QuestionView, 'kind' | 'axis' | 'prompt'>): string {
  if (q.kind === 'text') return msg(str`Question: ${q.prompt ?? ''}`, { id: 'fac_q_text' });
  return q.kind === 'maturity' || !q.axis ? msg('Maturity: which generation are you?', { id: 'fac_q_maturity' }) : msg(str`Paradox: ${axisNames(q.axis).name}`, { id: 'fac_q_paradox' });
}

/** A brainwriting round's name: its prompt, or the method's. */
export function brainwritingTitle(prompt: string | null): string {
  return prompt ? msg(str`Brainwriting: ${prompt}`, { id: 'fac_bw_title_prompt' }) : msg('Brainwriting', { id: 'fac_bw_title' });
}
