/** Nynorsk messages of representatives and anchoring in the charter (ids prefixed `charter_`; issue #14). */
import { str } from '@lit/localize';

export const anchors = {
  charter_anchor: 'Forankre …',
  charter_anchor_named: str`Forankre standpunktet til verksemda di om prinsipp ${0} …`,
  charter_anchor_title: str`Forankre standpunktet til verksemda di om prinsipp ${0}`,
  charter_anchor_stance: str`Standpunktet til verksemda di: ${0}.`,
  charter_anchor_explain: 'Registrer at linja eller leiinga i verksemda di har stadfesta dette standpunktet. Ei ny forankring erstattar den førre; eit nytt framlegg eller eit nytt standpunkt må forankrast på nytt.',
  charter_anchor_who: 'Stadfesta av (namn)',
  charter_anchor_role: 'Rolla hans eller hennar',
  charter_anchor_role_hint: 'Til dømes: avdelingsdirektør, kommunedirektør',
  charter_anchor_date: 'Dato for stadfestinga',
  charter_anchor_reference: 'Referanse til vedtaket (valfritt)',
  charter_anchor_reference_hint: 'Eit saksnummer eller ei lenkje til vedtaksdokumentet',
  charter_anchor_save: 'Registrer forankringa',
  charter_anchor_who_missing: 'Skriv kven som stadfesta det.',
  charter_anchor_role_missing: 'Skriv rolla hans eller hennar.',
  charter_anchor_date_missing: 'Oppgi datoen for stadfestinga.',
  charter_anchor_date_future: 'Datoen kan ikkje vere fram i tid.',
  charter_anchor_too_long: 'Dette er for langt.',
  charter_chip_anchored: str`Forankra: stadfesta av ${0} (${1}) ${2}`,
  charter_chip_anchored_mark: 'forankra',
  charter_endorsed_list: str`Slutta seg til: ${0}.`,
  charter_anchored_list: str`Slutta seg til og forankra: ${0}.`,
  charter_none_yet: 'ingen enno',
  charter_rep_by: str`Verksemda di er representert av ${0}; berre dei tek standpunkt for henne.`,
  charter_rep_none: 'Verksemda di har ingen representant enno: berre ein representant tek standpunkt for henne. Ein fasilitator kan peike ut ein med stadfesting frå verksemda.',
};
