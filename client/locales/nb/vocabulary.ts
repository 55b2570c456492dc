/** Bokmål: the report's vocabulary several parts speak (paradox axes, generations; client/ui/vocabulary.ts). */
import type { vocabulary as nynorsk } from '../nn/vocabulary.js';

export const vocabulary: Record<keyof typeof nynorsk, string> = {
  charter_axis_local_central: 'Lokale løsninger eller sentrale initiativ',
  charter_axis_local_central_low: 'Lokale løsninger',
  charter_axis_local_central_high: 'Sentrale initiativ',
  charter_axis_benefit: 'Lokal nytte eller kollektive løsninger',
  charter_axis_benefit_low: 'Lokal nytte',
  charter_axis_benefit_high: 'Kollektive løsninger',
  charter_axis_domain_it: 'Domenekompetanse eller IT-kompetanse',
  charter_axis_domain_it_low: 'Domenekompetanse',
  charter_axis_domain_it_high: 'IT-kompetanse',
  charter_axis_context: 'Kontekstuell eller universell digitalisering',
  charter_axis_context_low: 'Kontekstuell digitalisering',
  charter_axis_context_high: 'Universell digitalisering',
  charter_gen_1: 'Digital støtte til eget arbeid',
  charter_gen_2: 'Fagsystemer som driver egne prosesser',
  charter_gen_3: 'Digitale tjenester for egne brukere',
  charter_gen_4: 'Sammenhengende tjenester sammen med andre',
};
