/** The palette's colours (defined in shared/board/look.ts) and their names in three languages. */
import { msg } from '@lit/localize';
import type { PaletteColor } from '../../../shared/board/schema.js';

export { FILL, STROKE } from '../../../shared/board/look.js';

export function colorName(c: PaletteColor): string {
  switch (c) {
    case 'yellow':
      return msg('Yellow', { id: 'canvas_color_yellow' });
    case 'orange':
      return msg('Orange', { id: 'canvas_color_orange' });
    case 'pink':
      return msg('Pink', { id: 'canvas_color_pink' });
    case 'purple':
      return msg('Purple', { id: 'canvas_color_purple' });
    case 'blue':
      return msg('Blue', { id: 'canvas_color_blue' });
    case 'teal':
      return msg('Teal', { id: 'canvas_color_teal' });
    case 'green':
      return msg('Green', { id: 'canvas_color_green' });
    case 'grey':
      return msg('Grey', { id: 'canvas_color_grey' });
    case 'white':
      return msg('White', { id: 'canvas_color_white' });
  }
}
