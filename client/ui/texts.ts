/**
 * Localised texts used by several pages: role names and messages for API errors. Functions, not
 * constants, so every call reads the active locale.
 */
import { msg } from '@lit/localize';
import type { Role } from '../../shared/api.js';
import { CommandError } from '../net/command-error.js';
import { ApiError } from '../net/api.js';

export function roleName(role: Role): string {
  switch (role) {
    case 'facilitator':
      return msg('Facilitator', { id: 'role_facilitator' });
    case 'participant':
      return msg('Participant', { id: 'role_participant' });
    case 'observer':
      return msg('Observer', { id: 'role_observer' });
  }
}

/** A specific, actionable message for a failed request. */
export function errorText(err: unknown): string {
  const code = err instanceof ApiError ? err.code : 'internal_error';
  switch (code) {
    case 'invite_unknown':
      return msg('This invite link is not known. Check that you copied all of it, or ask the facilitator for a new one.', { id: 'err_invite_unknown' });
    case 'invite_expired':
      return msg('This invite link has expired. Ask the facilitator for a new one.', { id: 'err_invite_expired' });
    case 'invite_revoked':
      return msg('A facilitator has revoked this invite link. Ask the facilitator for a new one.', { id: 'err_invite_revoked' });
    case 'invite_used_up':
      return msg('This invite link has been used as many times as it allows. Ask the facilitator for a new one.', { id: 'err_invite_used_up' });
    case 'rate_limited':
      return msg('Too many attempts right now. Wait a minute and try again.', { id: 'err_rate_limited' });
    case 'network_error':
      return msg('Could not reach the server. Check your connection and try again.', { id: 'err_network' });
    case 'validation_failed':
      return msg('Some of what you entered was not accepted. Check the fields and try again.', { id: 'err_validation' });
    case 'unauthenticated':
    case 'workshop_not_found':
      return msg('You are not a member of this workshop (or it was deleted).', { id: 'err_not_member' });
    case 'forbidden':
      return msg('Your role in this workshop does not allow this.', { id: 'err_forbidden' });
    case 'not_found':
      return msg('It no longer exists. Reload the page to see the latest state.', { id: 'err_not_found' });
    case 'payload_too_large':
      return msg('Too large: the file is over the limit, or the workshop has no room left for it.', { id: 'err_too_large' });
    case 'unsupported_media_type':
      return msg('Only PNG, JPEG and WebP images can be added.', { id: 'err_media_type' });
    case 'conflict':
      return msg('That cannot be done as things stand now. Reload the page to see the latest state.', { id: 'err_conflict' });
    default:
      return msg('Something went wrong on the server. Try again in a moment.', { id: 'err_internal' });
  }
}

/** Short message for a field the server refused (`validation_failed` naming it). */
export function fieldErrorText(field: 'title' | 'organisation' | 'name'): string {
  switch (field) {
    case 'title':
      return msg('Write a title of at most 200 characters.', { id: 'err_field_title' });
    case 'organisation':
      return msg('Write an organisation name of at most 100 characters.', { id: 'err_field_organisation' });
    case 'name':
      return msg('Write a name of at most 100 characters.', { id: 'err_field_name' });
  }
}

/** What a refused live command (socket.io) means to the user. */
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
