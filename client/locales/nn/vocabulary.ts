/** Nynorsk: the report's vocabulary several parts speak (paradox axes, generations; client/ui/vocabulary.ts). */
export const vocabulary = {
  charter_axis_local_central: 'Lokale løysingar eller sentrale initiativ',
  charter_axis_local_central_low: 'Lokale løysingar',
  charter_axis_local_central_high: 'Sentrale initiativ',
  charter_axis_benefit: 'Lokal nytte eller kollektive løysingar',
  charter_axis_benefit_low: 'Lokal nytte',
  charter_axis_benefit_high: 'Kollektive løysingar',
  charter_axis_domain_it: 'Domenekompetanse eller IT-kompetanse',
  charter_axis_domain_it_low: 'Domenekompetanse',
  charter_axis_domain_it_high: 'IT-kompetanse',
  charter_axis_context: 'Kontekstuell eller universell digitalisering',
  charter_axis_context_low: 'Kontekstuell digitalisering',
  charter_axis_context_high: 'Universell digitalisering',
  charter_gen_1: 'Digital støtte til eige arbeid',
  charter_gen_2: 'Fagsystem som driv eigne prosessar',
  charter_gen_3: 'Digitale tenester for eigne brukarar',
  charter_gen_4: 'Samanhengande tenester saman med andre',
};
