/**
 * Localised texts of the live workshop (socket.io): what a refused command means to the user,
 * and the titles of questions. Functions, so every call reads the active locale.
 */
import { msg, str } from '@lit/localize';
import type { QuestionView } from '../../shared/realtime/index.js';
import { axisNames } from '../charter/charter-texts.js';
import { CommandError } from '../net/command-error.js';

export function commandErrorText(err: unknown): string {
  const code: string = err instanceof CommandError ? err.code : 'internal_error';
  switch (code) {
    case 'network_error':
      return msg('No live connection to the workshop right now. Wait a moment and try again.', { id: 'fac_err_network' });
    case 'forbidden':
      return msg('Your role in this workshop does not allow this.', { id: 'err_forbidden' });
    case 'validation_failed':
      return msg('Some of what you entered was not accepted. Check the fields and try again.', { id: 'err_validation' });
    case 'not_found':
      return msg('It no longer exists. Reload the page to see the latest state.', { id: 'err_not_found' });
    case 'conflict':
      return msg('That is no longer possible: the facilitator has moved on (closed or revealed it).', { id: 'fac_err_conflict' });
    case 'vote_budget_spent':
      return msg('You have used all your votes. Take one back to vote elsewhere.', { id: 'fac_err_budget' });
    case 'rate_limited':
      return msg('Too many attempts right now. Wait a minute and try again.', { id: 'err_rate_limited' });
    default:
      return msg('Something went wrong on the server. Try again in a moment.', { id: 'err_internal' });
  }
}

export function questionTitle(q: Pick<QuestionView, 'kind' | 'axis'>): string {
  return q.kind === 'maturity' || !q.axis ? msg('Maturity: which generation are you?', { id: 'fac_q_maturity' }) : msg(str`Paradox: ${axisNames(q.axis).name}`, { id: 'fac_q_paradox' });
}
