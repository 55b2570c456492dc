/** Bokmål messages of the members list: who represents which organisation (issue #14). */
import { str } from '@lit/localize';
import type { members as nn } from '../nn/members.js';

export const members: Record<keyof typeof nn, string | ReturnType<typeof str>> = {
  mem_heading: 'Representanter',
  mem_intro: 'Bare virksomhetens representanter tar standpunkt for den. Alle andre deltar som før.',
  mem_badge: 'Representant',
  mem_name: 'Utpek som representant',
  mem_name_named: str`Utpek ${0} som representant for ${1}`,
  mem_step_down: 'Gå av som representant',
  mem_unname: 'Fjern som representant',
  mem_unname_named: str`Fjern ${0} som representant`,
  mem_named_by: str`Utpekt av ${0}`,
  mem_named_confirmed: str`Utpekt av ${0}, bekreftet: ${1}`,
  mem_named_notice: str`${0} representerer nå virksomheten sin.`,
  mem_unnamed_notice: str`${0} representerer ikke lenger virksomheten sin.`,
  mem_confirmation: 'Bekreftelse fra virksomheten',
  mem_confirmation_hint: 'For eksempel: e-post fra avdelingsdirektøren, 1. desember',
  mem_confirmation_explain: 'En fasilitator utpeker bare en representant med bekreftelse fra virksomheten selv. Skriv hvem i virksomheten som bekreftet det, og hvordan; det tas vare på sammen med utpekingen og i loggen.',
  mem_confirmation_missing: 'Skriv hvem i virksomheten som bekreftet det, og hvordan.',
};
