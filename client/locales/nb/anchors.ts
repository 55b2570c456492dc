/** Bokmål messages of representatives and anchoring in the charter (issue #14). */
import { str } from '@lit/localize';
import type { anchors as nn } from '../nn/anchors.js';

export const anchors: Record<keyof typeof nn, string | ReturnType<typeof str>> = {
  charter_anchor: 'Forankre …',
  charter_anchor_named: str`Forankre virksomhetens standpunkt til prinsipp ${0} …`,
  charter_anchor_title: str`Forankre virksomhetens standpunkt til prinsipp ${0}`,
  charter_anchor_stance: str`Virksomhetens standpunkt: ${0}.`,
  charter_anchor_explain: 'Registrer at linjen eller ledelsen i virksomheten din har bekreftet dette standpunktet. En ny forankring erstatter den forrige; et nytt forslag eller et nytt standpunkt må forankres på nytt.',
  charter_anchor_who: 'Bekreftet av (navn)',
  charter_anchor_role: 'Vedkommendes rolle',
  charter_anchor_role_hint: 'For eksempel: avdelingsdirektør, kommunedirektør',
  charter_anchor_date: 'Dato for bekreftelsen',
  charter_anchor_reference: 'Referanse til vedtaket (valgfritt)',
  charter_anchor_reference_hint: 'Et saksnummer eller en lenke til vedtaksdokumentet',
  charter_anchor_save: 'Registrer forankringen',
  charter_anchor_who_missing: 'Skriv hvem som bekreftet det.',
  charter_anchor_role_missing: 'Skriv vedkommendes rolle.',
  charter_anchor_date_missing: 'Oppgi datoen for bekreftelsen.',
  charter_anchor_date_future: 'Datoen kan ikke være frem i tid.',
  charter_anchor_too_long: 'Dette er for langt.',
  charter_chip_invited_by: str`Invitert av ${0}`,
  charter_chip_rep_first: 'representant som første medlem fra virksomheten',
  charter_chip_rep_confirmed: str`utpekt som representant av ${0}, bekreftet: ${1}`,
  charter_chip_rep_named: str`utpekt som representant av ${0}`,
  charter_chip_anchored: str`Forankret: bekreftet av ${0} (${1}) ${2}`,
  charter_chip_anchored_mark: 'forankret',
  charter_endorsed_list: str`Sluttet seg til: ${0}.`,
  charter_anchored_list: str`Sluttet seg til og forankret: ${0}.`,
  charter_none_yet: 'ingen ennå',
  charter_rep_by: str`Virksomheten din representeres av ${0}; bare de tar standpunkt for den.`,
  charter_rep_none: 'Virksomheten din har ingen representant ennå: bare en representant tar standpunkt for den. En fasilitator kan utpeke en med bekreftelse fra virksomheten.',
};
