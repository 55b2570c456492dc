/** The invite form's state and checks, apart from rendering. Pure: no DOM. */
import { msg } from '@lit/localize';
import type { CreateInviteBody, Role } from '../../shared/api.js';

export interface InviteForm {
  role: Role;
  /** '' for none. */
  organisationId: string;
  /** Free text from number inputs; '' means "not set" (hours: the server's 14 days). */
  hours: string;
  maxUses: string;
  /** The link never expires (then `hours` is ignored). */
  never: boolean;
}

export type InviteErrors = Partial<Record<'organisationId' | 'hours' | 'maxUses', string>>;

export const emptyInviteForm = (): InviteForm => ({ role: 'participant', organisationId: '', hours: '', maxUses: '', never: false });

export function validateInvite(form: InviteForm): InviteErrors {
  const errors: InviteErrors = {};
  if (form.role === 'participant' && form.organisationId === '') {
    errors.organisationId = msg('Choose the organisation the participant speaks for.', { id: 'inv_err_org' });
  }
  const hours = Number(form.hours);
  if (!form.never && form.hours.trim() !== '' && !(hours > 0 && hours <= 8760)) {
    errors.hours = msg('Write a number of hours between 1 and 8760 (one year), or leave it empty.', { id: 'inv_err_hours' });
  }
  const uses = Number(form.maxUses);
  if (form.maxUses.trim() !== '' && !(Number.isInteger(uses) && uses >= 1 && uses <= 10_000)) {
    errors.maxUses = msg('Write a whole number between 1 and 10000, or leave it empty.', { id: 'inv_err_uses' });
  }
  return errors;
}

export function toInviteBody(form: InviteForm): CreateInviteBody {
  return {
    role: form.role,
    ...(form.organisationId !== '' ? { organisationId: form.organisationId } : {}),
    ...(form.never ? { expiresInHours: null } : form.hours.trim() !== '' ? { expiresInHours: Number(form.hours) } : {}),
    ...(form.maxUses.trim() !== '' ? { maxUses: Number(form.maxUses) } : {}),
  };
}
