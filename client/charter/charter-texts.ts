/**
 * Names of the charter's fixed vocabularies (actor kinds, relations, rules,
 * responsibilities, stances, statuses; the paradox axes and generations, which the live questions
 * ask too, are in client/app/vocabulary.ts), as functions so every call reads the active locale.
 */
import { msg, str } from '@lit/localize';
import { formatLocales } from '../ui/i18n.js';
import { html, nothing } from 'lit';
import type { LastEdit } from '../net/last-edits.js';
import type { ActorKind, BodyRule, RelationKind, Responsibility } from '../../shared/charter/schema.js';
import type { PrincipleStatus, Stance } from '../../shared/decision-rule.js';

export function actorKindName(k: ActorKind): string {
  switch (k) {
    case 'state_agency':
      return msg('State agency', { id: 'charter_kind_state_agency' });
    case 'municipality':
      return msg('Municipality', { id: 'charter_kind_municipality' });
    case 'ministry':
      return msg('Ministry', { id: 'charter_kind_ministry' });
    case 'company':
      return msg('Company', { id: 'charter_kind_company' });
    case 'ngo':
      return msg('Voluntary organisation', { id: 'charter_kind_ngo' });
    case 'end_user_group':
      return msg('End-user group', { id: 'charter_kind_end_user_group' });
  }
}

export function relationKindName(k: RelationKind): string {
  switch (k) {
    case 'funds':
      return msg('funds', { id: 'charter_rel_funds' });
    case 'decides_over':
      return msg('decides over', { id: 'charter_rel_decides_over' });
    case 'delivers_data_to':
      return msg('delivers data to', { id: 'charter_rel_delivers_data_to' });
    case 'serves':
      return msg('serves', { id: 'charter_rel_serves' });
    case 'collaborates_with':
      return msg('collaborates with', { id: 'charter_rel_collaborates_with' });
  }
}

export function bodyRuleName(r: BodyRule): string {
  switch (r) {
    case 'consensus':
      return msg('Consensus', { id: 'charter_rule_consensus' });
    case 'consent':
      return msg('Consent (no objections)', { id: 'charter_rule_consent' });
    case 'majority':
      return msg('Majority', { id: 'charter_rule_majority' });
    case 'lead_decides':
      return msg('Lead decides within a mandate', { id: 'charter_rule_lead' });
  }
}

export function responsibilityName(r: Responsibility | null): string {
  switch (r) {
    case 'decide':
      return msg('Decides', { id: 'charter_resp_decide' });
    case 'consult':
      return msg('Consulted', { id: 'charter_resp_consult' });
    case 'inform':
      return msg('Informed', { id: 'charter_resp_inform' });
    case null:
      return msg('No role', { id: 'charter_resp_none' });
  }
}

export function stanceName(s: Stance | null): string {
  switch (s) {
    case 'endorse':
      return msg('Endorses', { id: 'charter_stance_endorse' });
    case 'object':
      return msg('Objects', { id: 'charter_stance_object' });
    case 'abstain':
      return msg('Abstains', { id: 'charter_stance_abstain' });
    case null:
      return msg('No answer yet', { id: 'charter_stance_none' });
  }
}

export function statusName(s: PrincipleStatus): string {
  switch (s) {
    case 'draft':
      return msg('Draft', { id: 'charter_status_draft' });
    case 'open':
      return msg('Pending', { id: 'charter_status_open' });
    case 'blocked':
      return msg('Blocked', { id: 'charter_status_blocked' });
    case 'agreed':
      return msg('Agreed', { id: 'charter_status_agreed' });
    case 'rejected':
      return msg('Rejected', { id: 'charter_status_rejected' });
    case 'stale':
      return msg('Text changed since it was proposed', { id: 'charter_status_stale' });
  }
}

/** "Changed by Nora Nav, Nav, 3 Dec 2026, 14:02": who last changed a charter entry, as the server recorded it. */
/** A date and time as the charter's "changed by" lines and since box say it. */
export const formatChangedAt = (iso: string) => new Intl.DateTimeFormat(formatLocales(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

export function lastChangeText(e: LastEdit): string {
  const when = formatChangedAt(e.at);
  return e.organisation
    ? msg(str`Changed by ${e.name}, ${e.organisation}, ${when}`, { id: 'charter_changed_by' })
    : msg(str`Changed by ${e.name}, ${when}`, { id: 'charter_changed_by_no_org' });
}

/** The "changed by" line under an entry's name, or nothing when no change is recorded. */
export const lastChangeLine = (e: LastEdit | null) => (e ? html`<span class="changed">${lastChangeText(e)}</span>` : nothing);
