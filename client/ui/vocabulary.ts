/**
 * The report's vocabulary that several features speak: the four paradox axes with their poles and
 * the generation staircase (the charter shows them; the live questions ask them). Functions, so
 * every call reads the active locale.
 */
import { msg } from '@lit/localize';
import type { Generation, ParadoxAxis } from '../../shared/charter/schema.js';

/** The axis as a whole and its two poles (position 0 and 100). */
export function axisNames(a: ParadoxAxis): { name: string; low: string; high: string } {
  switch (a) {
    case 'local_vs_central':
      return {
        name: msg('Local solutions or central initiatives', { id: 'charter_axis_local_central' }),
        low: msg('Local solutions', { id: 'charter_axis_local_central_low' }),
        high: msg('Central initiatives', { id: 'charter_axis_local_central_high' }),
      };
    case 'local_benefit_vs_collective':
      return {
        name: msg('Local benefit or collective solutions', { id: 'charter_axis_benefit' }),
        low: msg('Local benefit', { id: 'charter_axis_benefit_low' }),
        high: msg('Collective solutions', { id: 'charter_axis_benefit_high' }),
      };
    case 'domain_vs_it':
      return {
        name: msg('Domain expertise or IT expertise', { id: 'charter_axis_domain_it' }),
        low: msg('Domain expertise', { id: 'charter_axis_domain_it_low' }),
        high: msg('IT expertise', { id: 'charter_axis_domain_it_high' }),
      };
    case 'contextual_vs_universal':
      return {
        name: msg('Contextual or universal digitalisation', { id: 'charter_axis_context' }),
        low: msg('Contextual digitalisation', { id: 'charter_axis_context_low' }),
        high: msg('Universal digitalisation', { id: 'charter_axis_context_high' }),
      };
  }
}

export function generationText(g: Generation): string {
  switch (g) {
    case 1:
      return msg('Digital support for our own work', { id: 'charter_gen_1' });
    case 2:
      return msg('Systems that run our own processes', { id: 'charter_gen_2' });
    case 3:
      return msg('Digital services for our own users', { id: 'charter_gen_3' });
    case 4:
      return msg('Seamless services together with others', { id: 'charter_gen_4' });
  }
}
