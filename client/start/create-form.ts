/**
 * The start page's form state and its checks, kept apart from rendering. Pure: no DOM.
 */
import { msg } from '@lit/localize';
import type { CreateWorkshopBody } from '../../shared/api.js';
import { ApiError } from '../net/api.js';
import { fieldErrorText } from '../ui/texts.js';

export interface OrgRow {
  /** Stable across add/remove, so inputs keep their ids and focus. */
  key: number;
  name: string;
}

export interface CreateForm {
  title: string;
  orgs: OrgRow[];
  displayName: string;
  /** Key of the chosen organisation row, or '' for none. */
  ownOrg: string;
  createCode: string;
  askCode: boolean;
}

/** Field ids: `title`, `displayName`, `createCode`, `org-<key>`. */
export type FieldErrors = Record<string, string>;

export const orgField = (key: number) => `org-${key}`;

/** Rows with a name, in order: what is sent to the server. */
export const namedOrgs = (form: CreateForm) => form.orgs.filter((o) => o.name.trim() !== '');

export function validate(form: CreateForm): FieldErrors {
  const errors: FieldErrors = {};
  if (form.title.trim() === '') errors.title = msg('Write a title for the workshop.', { id: 'start_err_title' });
  const named = namedOrgs(form);
  const first = form.orgs[0];
  if (named.length === 0 && first) {
    errors[orgField(first.key)] = msg('Write the name of at least one organisation.', { id: 'start_err_org_missing' });
  }
  const seen = new Set<string>();
  for (const row of named) {
    const name = row.name.trim().toLowerCase();
    if (seen.has(name)) errors[orgField(row.key)] = msg('Two organisations have this name. Give each a different name.', { id: 'start_err_org_duplicate' });
    seen.add(name);
  }
  if (form.displayName.trim() === '') errors.displayName = msg('Write your name.', { id: 'start_err_name' });
  if (form.askCode && form.createCode.trim() === '') errors.createCode = msg('Write the creation code.', { id: 'start_err_code' });
  return errors;
}

export function toBody(form: CreateForm): CreateWorkshopBody {
  const named = namedOrgs(form);
  const index = named.findIndex((o) => String(o.key) === form.ownOrg);
  return {
    title: form.title.trim(),
    organisations: named.map((o) => ({ name: o.name.trim() })),
    displayName: form.displayName.trim(),
    ...(index >= 0 ? { organisationIndex: index } : {}),
    ...(form.askCode ? { createCode: form.createCode.trim() } : {}),
  };
}

/** Maps a refused request to field errors; an empty result means "show it as a general alert". */
export function serverFieldErrors(err: unknown, form: CreateForm): FieldErrors {
  if (!(err instanceof ApiError)) return {};
  if (err.code === 'create_code_required') {
    return {
      createCode: form.askCode
        ? msg('That creation code is not right. Check it and try again.', { id: 'start_err_code_wrong' })
        : msg('This server needs a creation code to create a workshop. Ask the person who runs Samskap for it.', { id: 'start_err_code_needed' }),
    };
  }
  if (err.code !== 'validation_failed' || err.field === null) return {};
  const named = namedOrgs(form);
  const [head, index] = err.field.split('.');
  if (head === 'title') return { title: fieldErrorText('title') };
  if (head === 'displayName') return { displayName: fieldErrorText('name') };
  if (head === 'createCode') return { createCode: msg('The creation code is too long.', { id: 'start_err_code_long' }) };
  if (head === 'organisations') {
    const row = named[Number(index ?? 0)] ?? named[0];
    if (row) return { [orgField(row.key)]: index === undefined ? msg('Two organisations have this name. Give each a different name.', { id: 'start_err_org_duplicate' }) : fieldErrorText('organisation') };
  }
  return {};
}
