/** Nynorsk messages of the notice about a refused change (client/workshop/sk-refused-notice.ts; ids prefixed `refused_`). */
import { str } from '@lit/localize';

export const refused = {
  refused_heading: 'Endringa di vart avvist',
  refused_too_long: str`Endringa di vart ikkje lagra: draumebiletet ville ha vorte lengre enn dei ${0} teikna det kan ha.`,
  refused_doc_full: 'Endringa di vart ikkje lagra: denne delen av verkstaden har nådd det meste han kan halde, sletta tekst og historikk medrekna. Spør ein fasilitator.',
  refused_board_full: 'Endringa di vart ikkje lagra: tavla har alt så mange element som ho kan ha. Slett nokre, eller bruk ei anna tavle.',
  refused_comment_owner: 'Endringa di vart ikkje lagra: berre den som skreiv ein kommentar, eller ein fasilitator, kan endre eller slette han.',
  refused_suggestion: 'Endringa di vart ikkje lagra: medan fasilitatoren ber om framlegg, kan du berre leggje til eigne framlegg eller trekkje dei tilbake.',
  refused_owner: 'Endringa di vart ikkje lagra: ho endra noko som berre verksemda det høyrer til (eller ein fasilitator) kan endre.',
  refused_author: 'Endringa di vart ikkje lagra: ho oppgav nokon andre som forfattar.',
  refused_read_only: 'Endringa di vart ikkje lagra: du kan berre lese her no.',
  refused_nesting: 'Endringa di vart ikkje lagra: ho la innhald djupare inni kvarandre enn verkstaden tillèt.',
  refused_size: 'Endringa di vart ikkje lagra: ho var større enn verkstaden tillèt.',
  refused_content: 'Endringa di vart ikkje lagra: ho hadde innhald som verkstaden ikkje tek imot.',
  refused_generic: 'Endringa di vart ikkje lagra: tenaren avviste henne fordi ho braut ein regel i verkstaden.',
  refused_checking: 'Opnar den siste lagra utgåva og sjekkar kva som ikkje vart lagra …',
  refused_nothing_lost: 'Den siste lagra utgåva er open att. Ingenting du skreiv, gjekk tapt.',
  refused_texts_intro: 'Den siste lagra utgåva er open att. Desse tekstane du skreiv, vart ikkje lagra; kopier dei for å ta vare på dei:',
  refused_texts_field: 'Tekstane som ikkje vart lagra, til å kopiere',
  refused_others: 'Andre endringar du gjorde her (til dømes flytting, fargar eller formatering), vart heller ikkje lagra.',
  refused_copy: 'Kopier tekstane',
  refused_copied: 'Kopiert. Lim inn tekstane der du vil ta vare på dei.',
  refused_close: 'Lukk denne meldinga',
  refused_doc_full_vision: 'Endringa di vart ikkje lagra: draumebiletet har nådd det meste det kan halde, historikken med sletta tekst medrekna. Ein fasilitator kan komprimere historikken (Reisa → Komprimer historikken); milepælane blir ståande.',
  refused_decided: 'Endringa di vart ikkje lagra: prinsippet er føreslått eller vedteke. Berre ein fasilitator kan endre eit føreslått prinsipp, og ingen eit vedteke; føreslå ei endring i staden.',
};
