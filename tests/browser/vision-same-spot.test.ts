/**
 * Two members typing at the same spot, in Chromium (issue #16, point 12): twenty rounds in which
 * both put the caret at the end of one paragraph and type twenty characters each, a key every
 * 10 ms, at the same time. Each one's run stays together in every round ("Anne…Bo…" or
 * "Bo…Anne…", never "ABnAon…"), and both end with the same text. A letter typed just before the
 * same letter of someone else stays before it (typed-at-caret.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caretAfter, createWorld, editor, expectNoProblems, openVision, textOf, type Member, type VisionWorld } from './vision-harness.js';

let world: VisionWorld;
let anne: Member;
let bo: Member;

beforeAll(async () => {
  world = await createWorld();
  anne = world.facilitator;
  bo = await world.newMember('Bo Nav', { organisation: 'Nav' });
  await openVision(anne.page, world.workshopId);
  await openVision(bo.page, world.workshopId);
}, 120_000);
afterAll(async () => world?.close());

const PROMPT = 'Skildra kva som er annleis';
const ROUNDS = 20;
const paragraph = (m: Member) => textOf(editor(m.page).locator('p', { hasText: PROMPT }).first());

/** Twenty characters nobody else types: who, round, then filler of their own letters. */
const run = (who: 'a' | 'b', round: number) => `<${who}${String(round).padStart(2, '0')}${(who === 'a' ? 'annekari' : 'bonavbon').repeat(2)}>`.slice(0, 20);

describe('two members typing at the same spot', () => {
  it('keeps each one’s run together, round after round', async () => {
    const interleaved: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const before = (await paragraph(anne)).length;
      await caretAfter(anne.page, PROMPT);
      await caretAfter(bo.page, PROMPT);
      const [a, b] = [run('a', round), run('b', round)];
      expect(a).toHaveLength(20);
      await Promise.all([anne.page.keyboard.type(a, { delay: 10 }), bo.page.keyboard.type(b, { delay: 10 })]);
      // Both have both runs: the paragraph grew by 40 characters and reads the same for both.
      await expect.poll(async () => { const [x, y] = [await paragraph(anne), await paragraph(bo)]; return x === y && x.length === before + 40; }, { timeout: 10_000 }).toBe(true);
      const text = await paragraph(anne);
      if (!text.includes(a) || !text.includes(b)) interleaved.push(`round ${round}: ${text.slice(-40)}`);
    }
    expect(interleaved).toEqual([]);
    expectNoProblems(world);
  }, 120_000);

  it('keeps a letter typed just before the same letter of someone else’s before it', async () => {
    await caretAfter(anne.page, PROMPT);
    await caretAfter(bo.page, PROMPT);
    await bo.page.keyboard.type('<');
    await expect.poll(() => paragraph(anne), { timeout: 10_000 }).toMatch(/<$/);
    // Anne's caret stayed before Bo's "<"; hers must go there too, not after his.
    await anne.page.keyboard.type('<a');
    await expect.poll(() => paragraph(bo), { timeout: 10_000 }).toMatch(/<a<$/);
    await bo.page.keyboard.type('b');
    await expect.poll(async () => [await paragraph(anne), await paragraph(bo)].map((t) => t.slice(-4)), { timeout: 10_000 }).toEqual(['<a<b', '<a<b']);
    expectNoProblems(world);
  }, 60_000);
});
