/**
 * `npm run bench:suggest`: what the sync layer's suggestion check costs per update while a
 * facilitator requires suggestions (server/sync/suggestion-guard.ts). In process, on Yjs
 * documents: a vision of 2,000 paragraphs (about 340,000 characters, past the default
 * `VISION_MAX_CHARS`) with a history of deleted text, then 300 keystrokes of a participant's
 * suggestion, each its own update, checked as the room would. Prints the first check (it builds
 * the shadow copy) and the p50/p99/max of the others, then a change reaching the first and last
 * paragraph at once.
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { createSuggestionCheck } from '../server/sync/suggestion-guard.js';
import { forgedSuggestion } from '../server/sync/suggestion-names.js';
import { VISION_DOC_OPTIONS, visionFragment } from '../shared/vision/schema.js';
import { percentile } from '../tests/helpers/fuzz.js';

const doc = new Y.Doc(VISION_DOC_OPTIONS);
const fragment = visionFragment(doc);
const SENTENCE = 'Vi deler data trygt mellom etatane, slik at familien slepp å fortelje det same fleire gonger. ';
for (let i = 0; i < 2000; i++) {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  p.insert(0, [t]);
  fragment.push([p]);
  t.insert(0, SENTENCE.repeat(2));
  t.delete(10, 20); // history: deleted text the vision keeps
}
const chars = fragment.toArray().reduce((n, p) => n + ((p as Y.XmlElement).firstChild as Y.XmlText).length, 0);

const participant = new Y.Doc(VISION_DOC_OPTIONS);
Y.applyUpdate(participant, Y.encodeStateAsUpdate(doc));
const me = { memberId: 'm1', organisationId: 'o1' };
const attrs = { insertion: { id: 's1', memberId: me.memberId, organisationId: me.organisationId, createdAt: '2026-05-01T10:00:00.000Z' } };
const text = (visionFragment(participant).get(1000) as Y.XmlElement).firstChild as Y.XmlText;

const check = createSuggestionCheck();
const times: number[] = [];
for (let i = 0; i < 301; i++) {
  const before = Y.encodeStateVector(participant);
  text.insert(40 + i, 'x', attrs);
  const update = Y.encodeStateAsUpdate(participant, before);
  const t0 = performance.now();
  const judged = check.check(doc, update, me);
  times.push(performance.now() - t0);
  if ('refused' in judged) throw new Error(`refused: ${judged.refused}`);
  if (judged.resolutions.length) throw new Error('a suggestion read as a resolution');
  Y.applyUpdate(doc, update); // the room commits it
}
const [first, ...rest] = times;
const ms = (n: number) => `${n.toFixed(2)} ms`;
console.log(`vision: ${chars.toLocaleString('en')} characters in 2,000 paragraphs, ${Y.encodeStateAsUpdate(doc).byteLength.toLocaleString('en')} bytes stored`);
console.log(`first check (builds the shadow copy): ${ms(first!)}`);
console.log(`300 keystrokes: p50 ${ms(percentile(rest, 50))}, p99 ${ms(percentile(rest, 99))}, max ${ms(Math.max(...rest))}`);

// A change of paragraphs that reaches the first and the last one (a hostile member's junk in
// `suggestedBreak`): the blocks it reaches are read with their breaks, those between by id
// (shared/vision/suggestion-blocks.ts), and it is refused.
const paragraphs = visionFragment(participant);
const wide: number[] = [];
for (let i = 0; i < 5; i++) {
  const before = Y.encodeStateVector(participant);
  participant.transact(() => {
    (paragraphs.get(0) as Y.XmlElement).setAttribute('suggestedBreak', `x${i}`);
    (paragraphs.get(paragraphs.length - 1) as Y.XmlElement).setAttribute('suggestedBreak', `y${i}`);
  });
  const update = Y.encodeStateAsUpdate(participant, before);
  const t0 = performance.now();
  const judged = check.check(doc, update, me);
  wide.push(performance.now() - t0);
  if (!('refused' in judged) && !judged.resolutions.length) throw new Error('a change of the whole vision passed');
}
console.log(`a change reaching the first and last paragraph (both read whole, the blocks between by id): median ${ms(percentile(wide, 50))}, max ${ms(Math.max(...wide))}`);

// An update that writes another member's suggestion again (y-prosemirror's diff does, beside it):
// the vision's known suggestions are gathered to tell it from a forged one (server/sync/suggestion-names.ts).
const theirs = { id: 'theirs-1', memberId: 'm2', organisationId: 'o2', createdAt: '2026-05-01T10:00:00.000Z' };
const own = (visionFragment(doc).get(500) as Y.XmlElement).firstChild as Y.XmlText;
own.insert(5, 'deira ', { insertion: theirs });
Y.applyUpdate(participant, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(participant)));
const rewrites: number[] = [];
for (let i = 0; i < 5; i++) {
  const before = Y.encodeStateVector(participant);
  ((visionFragment(participant).get(500) as Y.XmlElement).firstChild as Y.XmlText).insert(5, 'd', { insertion: theirs });
  const update = Y.encodeStateAsUpdate(participant, before);
  const t0 = performance.now();
  const forged = forgedSuggestion(doc, Y.decodeUpdate(update).structs, me);
  rewrites.push(performance.now() - t0);
  if (forged) throw new Error(`a known suggestion written again was refused: ${forged}`);
}
console.log(`an update writing another member's known suggestion again (the vision's suggestions gathered): median ${ms(percentile(rewrites, 50))}, max ${ms(Math.max(...rewrites))}`);
