/** Nynorsk messages of the members list: who represents which organisation (ids prefixed `mem_`; issue #14). */
import { str } from '@lit/localize';

export const members = {
  mem_heading: 'Representantar',
  mem_intro: 'Berre representantane til ei verksemd tek standpunkt for henne. Alle andre er med som før.',
  mem_badge: 'Representant',
  mem_name: 'Peik ut som representant',
  mem_name_named: str`Peik ut ${0} som representant for ${1}`,
  mem_step_down: 'Gå av som representant',
  mem_unname: 'Ta bort som representant',
  mem_unname_named: str`Ta bort ${0} som representant`,
  mem_named_by: str`Utpeikt av ${0}`,
  mem_named_confirmed: str`Utpeikt av ${0}, stadfesta: ${1}`,
  mem_named_notice: str`${0} representerer no verksemda si.`,
  mem_unnamed_notice: str`${0} representerer ikkje lenger verksemda si.`,
  mem_confirmation: 'Stadfesting frå verksemda',
  mem_confirmation_hint: 'Til dømes: e-post frå avdelingsdirektøren, 1. desember',
  mem_confirmation_explain: 'Ein fasilitator peikar berre ut ein representant med stadfesting frå verksemda sjølv. Skriv kven i verksemda som stadfesta det, og korleis; det blir teke vare på saman med utpeikinga og i loggen.',
  mem_confirmation_missing: 'Skriv kven i verksemda som stadfesta det, og korleis.',
};
