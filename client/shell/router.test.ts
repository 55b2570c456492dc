import { describe, expect, it } from 'vitest';
import { parseRoute } from './router.js';

const W = 'abcdefghijklmnop';
const B = 'BOARDboardBOARD1';

describe('parseRoute', () => {
  it('opens the first board at /w/<id> and another at /w/<id>/b/<boardId>', () => {
    expect(parseRoute(`/w/${W}`)).toEqual({ name: 'workshop', id: W, tab: 'board' });
    expect(parseRoute(`/w/${W}/b/${B}`)).toEqual({ name: 'workshop', id: W, tab: 'board', boardId: B });
  });

  it('finds nothing at a malformed board address', () => {
    for (const path of [`/w/${W}/b`, `/w/${W}/b/short`, `/w/${W}/b/${B}/more`, `/w/${W}/b/${B.slice(0, 15)}!`]) expect(parseRoute(path), path).toEqual({ name: 'not-found' });
  });

  it('keeps the other tabs', () => {
    expect(parseRoute(`/w/${W}/vision`)).toEqual({ name: 'workshop', id: W, tab: 'vision' });
    expect(parseRoute(`/w/${W}/charter/principles`)).toEqual({ name: 'workshop', id: W, tab: 'charter', section: 'principles' });
  });
});
