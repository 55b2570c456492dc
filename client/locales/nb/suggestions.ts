/** Bokmål messages of the vision's suggestion mode (ids prefixed `vision_suggest…`, and a few more). */
import { str } from '@lit/localize';

export const suggestions = {
  vision_act_suggest: 'Foreslå endringer',
  vision_side: 'Forslag og kommentarer',
  vision_suggest_refused: 'Ikke endret: når du foreslår, kan du legge til og slette ord og avsnitt. Formatering, lister og sitater kan ikke være forslag.',
  vision_suggested_add_by: str`Forslag fra ${0}: legg til`,
  vision_suggested_delete_by: str`Forslag fra ${0}: slett`,
  vision_suggesting: str`Du foreslår: endringene dine vises som forslag som andre kan godta. ${0} slår det av.`,
  vision_suggesting_forced: 'Du foreslår, slik fasilitatoren ber om: endringene dine vises som forslag som andre kan godta.',
  vision_suggestion_accept: 'Godta',
  vision_suggestion_reject: 'Avvis',
  vision_suggestion_withdraw: 'Trekk tilbake',
  vision_suggestions_accept_all: 'Godta alle',
  vision_suggestions_heading: str`Forslag (${0})`,
  vision_suggestions_none: str`Ingen forslag. ${0} slår forslagsmodus på eller av for deg.`,
  vision_suggestions_reject_all: 'Avvis alle',
  vision_suggestions_required: 'Deltakerne foreslår endringer (de kan ikke endre teksten direkte)',
  vision_suggestions_required_hint: 'Fasilitatoren har bedt alle om å foreslå endringer: forslag som blir godtatt, blir den avtalte teksten.',
  vision_suggests_add: str`${0} foreslår å legge til:`,
  vision_suggests_delete: str`${0} foreslår å slette:`,
  vision_suggested_break_by: str`Forslag fra ${0}: nytt avsnitt`,
  vision_suggested_join_by: str`Forslag fra ${0}: slå sammen med avsnittet før`,
  vision_suggests_break: str`${0} foreslår et nytt avsnitt:`,
  vision_suggests_join: str`${0} foreslår å slå sammen to avsnitt:`,
};
