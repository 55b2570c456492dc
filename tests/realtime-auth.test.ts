/**
 * socket.io commands: who may do what (observer: everything refused; participant: facilitator
 * commands refused) and malformed input answered with validation_failed, never a crash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandName } from '../shared/realtime/index.js';
import { threeOrgs, type ThreeOrgs } from './helpers/governance.js';
import { startServer, type TestServer } from './helpers/server.js';
import { connectedAll, type TestSocket } from './helpers/socket.js';

let s: TestServer;
let f: ThreeOrgs;
let facilitator: TestSocket;
let participant: TestSocket;
let observer: TestSocket;
const someId = 'AAAAAAAAAAAAAAAA';

beforeAll(async () => {
  s = await startServer();
  f = await threeOrgs(s.base);
  [facilitator, participant, observer] = await connectedAll(s.base, f.facilitator, f.participantA, f.observer);
});
afterAll(async () => {
  for (const c of [facilitator, participant, observer]) c?.close();
  await s.stop();
  s.cleanup();
});

/** A valid payload for every command, so a refusal is about the role, not the input. */
const valid = (): Record<CommandName, unknown> => ({
  'state.sync': {},
  'phase.set': { phase: 'Aktørkart' },
  'timer.start': { seconds: 60 },
  'timer.pause': {},
  'timer.resume': {},
  'timer.reset': {},
  'view.summon': { boardId: f.boardId, x: 0, y: 0, zoom: 1 },
  'hand.raise': {},
  'hand.lower': {},
  'board.lock': { locked: true },
  'question.open': { kind: 'maturity' },
  'question.close': { questionId: someId },
  'answer.submit': { questionId: someId, value: { generation: 2 } },
  'answer.reveal': { questionId: someId },
  'answer.apply': { questionId: someId },
  'vote.open': { boardId: f.boardId, votesPerPerson: 3 },
  'vote.cast': { roundId: someId, elementId: 'e1' },
  'vote.retract': { roundId: someId, elementId: 'e1' },
  'vote.close': { roundId: someId },
  'principle.propose': { principleId: 'p1' },
  'principle.endorse': { principleId: 'p1', stance: 'endorse' },
  'principle.close': { principleId: 'p1' },
  'principle.amend': { principleId: 'p1', text: 'Ny tekst' },
  'principle.retire': { principleId: 'p1', reason: 'Erstatta' },
  'principle.anchor': { principleId: 'p1', confirmedBy: 'Kari Nordmann', role: 'avdelingsdirektør', date: '2026-01-05' },
  'content.remove': { room: 'charter', collection: 'actors', id: 'nothing-here' },
  'charter.import': { boardId: f.boardId, elementId: 'no-such-note', as: 'actor' },
  'brainwriting.open': { boardId: f.boardId, anonymous: false },
  'brainwriting.add': { roundId: someId, text: 'Ein idé' },
  'brainwriting.remove': { roundId: someId, noteId: someId },
  'brainwriting.reveal': { roundId: someId },
  'vision.endorse': { milestoneId: someId, stance: 'endorse' },
});

const facilitatorOnly: CommandName[] = [
  'phase.set', 'timer.start', 'timer.pause', 'timer.resume', 'timer.reset', 'view.summon', 'board.lock',
  'question.open', 'question.close', 'answer.reveal', 'answer.apply', 'vote.open', 'vote.close', 'principle.propose', 'principle.close', 'principle.retire', 'content.remove',
  'brainwriting.open', 'brainwriting.reveal',
];

describe('socket.io command authorisation', () => {
  it('refuses every command of an observer except reading the state, and nothing is broadcast', async () => {
    const before = participant.received.length;
    for (const [name, payload] of Object.entries(valid()) as [CommandName, unknown][]) {
      const r = await observer.cmd(name, payload);
      if (name === 'state.sync') expect(r.ok, name).toBe(true);
      else expect(r, name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(participant.received.slice(before)).toEqual([]);
  });

  it('refuses facilitator commands of a participant', async () => {
    const before = observer.received.length;
    for (const name of facilitatorOnly) {
      expect(await participant.cmd(name, valid()[name]), name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const r = await participant.cmd('hand.lower', { memberId: f.workshop.me.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(observer.received.slice(before)).toEqual([]);
  });

  it('lets a participant take part and a facilitator run the session', async () => {
    expect((await participant.cmd('hand.raise')).ok).toBe(true);
    expect((await participant.cmd('hand.lower', {})).ok).toBe(true);
    for (const name of facilitatorOnly.filter((n) => !['question.close', 'answer.reveal', 'answer.apply', 'vote.close', 'principle.propose', 'principle.close', 'principle.retire', 'brainwriting.reveal'].includes(n))) {
      expect((await facilitator.cmd(name, valid()[name])).ok, name).toBe(true);
    }
    await facilitator.ok('board.lock', { locked: false });
  });
});

describe('malformed commands', () => {
  it('answers validation_failed naming the field', async () => {
    const bad: [CommandName, unknown, string][] = [
      ['vote.cast', 'just a string', '(payload)'],
      ['vote.cast', 42, '(payload)'],
      ['vote.cast', null, '(payload)'],
      ['vote.cast', [1, 2], '(payload)'],
      ['vote.cast', { roundId: 5, elementId: 'e' }, 'roundId'],
      ['timer.start', { seconds: -1 }, 'seconds'],
      ['timer.start', { seconds: 1e12 }, 'seconds'],
      ['phase.set', { phase: 'x'.repeat(1000) }, 'phase'],
      ['principle.endorse', { principleId: 'p1', stance: 'veto' }, 'stance'],
      ['question.open', { kind: 'paradox' }, 'axis'],
      ['answer.submit', { questionId: someId, value: { generation: 9 } }, 'value.generation'],
      ['board.lock', { locked: 'yes' }, 'locked'],
    ];
    for (const [name, payload, field] of bad) {
      const r = await participant.cmd(name, payload);
      expect(r, `${name} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
      if (!r.ok) expect(r.error.message.startsWith(`${field}:`), r.error.message).toBe(true);
    }
  });

  it('refuses identity fields in a payload (strict schemas)', async () => {
    const r = await participant.cmd('principle.endorse', { principleId: 'p1', stance: 'endorse', organisationId: f.orgs[1] });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });

  it('survives commands without an ack callback, unknown events and odd argument lists', async () => {
    participant.socket.emit('vote.cast', { roundId: someId, elementId: 'e1' });
    participant.socket.emit('timer.start');
    participant.socket.emit('no.such.command', { a: 1 }, () => undefined);
    participant.socket.emit('vote.cast', 1, 2, 3, () => undefined);
    const r = await participant.cmd('state.sync');
    expect(r.ok).toBe(true);
    expect(participant.socket.connected).toBe(true);
  });

  it('rate-limits a flood of commands on one socket without affecting others', async () => {
    const flood = await Promise.all(Array.from({ length: 150 }, () => observer.cmd('state.sync')));
    expect(flood.some((r) => !r.ok && r.error.code === 'rate_limited')).toBe(true);
    expect((await participant.cmd('state.sync')).ok).toBe(true);
  });
});
