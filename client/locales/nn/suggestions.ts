/** Nynorsk messages of the vision's suggestion mode (ids prefixed `vision_suggest…`, and a few more). */
import { str } from '@lit/localize';

export const suggestions = {
  vision_act_suggest: 'Føreslå endringar',
  vision_side: 'Framlegg og kommentarar',
  vision_suggest_refused: 'Ikkje endra: når du føreslår, kan du leggje til og slette ord og avsnitt. Formatering, lister og sitat kan ikkje vere framlegg.',
  vision_suggested_add_by: str`Framlegg frå ${0}: legg til`,
  vision_suggested_delete_by: str`Framlegg frå ${0}: slett`,
  vision_suggesting: str`Du føreslår: endringane dine blir viste som framlegg som andre kan godta. ${0} slår det av.`,
  vision_suggesting_forced: 'Du føreslår, slik fasilitatoren ber om: endringane dine blir viste som framlegg som andre kan godta.',
  vision_suggestion_accept: 'Godta',
  vision_suggestion_reject: 'Avvis',
  vision_suggestion_withdraw: 'Trekk tilbake',
  vision_suggestions_accept_all: 'Godta alle',
  vision_suggestions_heading: str`Framlegg (${0})`,
  vision_suggestions_none: str`Ingen framlegg. ${0} slår framleggsmodus på eller av for deg.`,
  vision_suggestions_reject_all: 'Avvis alle',
  vision_suggestions_required: 'Deltakarane føreslår endringar (dei kan ikkje endre teksten direkte)',
  vision_suggestions_required_hint: 'Fasilitatoren har bede alle om å føreslå endringar: framlegg som blir godtekne, blir den avtalte teksten.',
  vision_suggests_add: str`${0} føreslår å leggje til:`,
  vision_suggests_delete: str`${0} føreslår å slette:`,
  vision_suggested_break_by: str`Framlegg frå ${0}: nytt avsnitt`,
  vision_suggested_join_by: str`Framlegg frå ${0}: slå saman med avsnittet før`,
  vision_suggests_break: str`${0} føreslår eit nytt avsnitt:`,
  vision_suggests_join: str`${0} føreslår å slå saman to avsnitt:`,
};
