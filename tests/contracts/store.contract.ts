/**
 * The Store contract. Every adapter runs it unchanged:
 *   describeStoreContract('sqlite', () => new SqliteStore({ filename: ':memory:' }))
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AppError } from '../../shared/errors.js';
import { GENESIS_HASH, auditHash } from '../../server/store/audit-hash.js';
import { BACKUP_TABLES, NOT_IN_BACKUP_TABLES } from '../../server/store/backup-tables.js';
import { BACKUP_ROW_SCHEMAS } from '../../shared/export/backup-rows.js';
import type { CredentialKind, CredentialRecord, MemberRecord, Store } from '../../server/store/types.js';
import { describeGovernanceContract } from './governance.contract.js';
import { describeDocGroupContract, type StoreFaults } from './doc-group.contract.js';

const now = () => new Date().toISOString();
let counter = 0;
const id = (p: string) => `${p}${String(++counter).padStart(15 - p.length, '0')}x`.slice(0, 16);

async function seedWorkshop(store: Store) {
  const w = { id: id('w'), title: 'Digitalt samarbeid', language: 'nb' as const, decisionRule: 'consensus' as const, createdAt: now(), protectOrganisationContent: false };
  const orgs = [
    { id: id('o'), workshopId: w.id, name: 'NAV', position: 0, color: null },
    { id: id('o'), workshopId: w.id, name: 'Bufdir', position: 1, color: '#1d4ed8' },
  ];
  const boards = [{ id: id('b'), workshopId: w.id, title: 'Board', createdAt: now(), position: 0 }];
  await store.workshops.create(w, orgs, boards);
  return { w, orgs, boards };
}

function member(workshopId: string, organisationId: string | null): MemberRecord {
  return { id: id('m'), workshopId, displayName: 'Kari', role: 'participant', organisationId, createdAt: now(), removedAt: null, lastVisitAt: null, mergedInto: null, invitedBy: null };
}

function credential(m: MemberRecord, tokenHash: string, kind: CredentialKind = 'session'): CredentialRecord {
  return { id: id('c'), workshopId: m.workshopId, memberId: m.id, kind, tokenHash, createdAt: now(), lastUsedAt: now(), revokedAt: null };
}

/** `faults`: where the test can reach the store's database from outside (see doc-group.contract.ts). */
export function describeStoreContract(name: string, makeStore: () => Promise<Store>, faults?: StoreFaults): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
      await store.migrate();
    });
    afterEach(async () => {
      await store.close();
    });

    it('migrate is idempotent and health answers', async () => {
      await store.migrate();
      await expect(store.health()).resolves.toBeUndefined();
    });

    it('appends updates in order and loads them back', async () => {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      doc.getText('t').insert(0, 'hei');
      doc.getText('t').insert(3, ' verda');
      const seqs = [];
      for (const u of updates) seqs.push(await store.docs.appendUpdate('r1/vision', u));
      expect(seqs[1]!).toBeGreaterThan(seqs[0]!);
      const loaded = await store.docs.load('r1/vision');
      expect(loaded.snapshot).toBeNull();
      expect(loaded.updates).toHaveLength(2);
      expect(loaded.lastSeq).toBe(seqs[1]);
      const copy = new Y.Doc();
      for (const u of loaded.updates) Y.applyUpdate(copy, u);
      expect(copy.getText('t').toString()).toBe('hei verda');
    });

    it('an unknown room loads empty', async () => {
      expect(await store.docs.load('nothing/here')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
    });

    it('compacts into a snapshot, keeping later updates', async () => {
      const doc = new Y.Doc();
      const seqs: number[] = [];
      for (const word of ['a', 'b', 'c']) {
        const before = Y.encodeStateVector(doc);
        doc.getText('t').insert(doc.getText('t').length, word);
        seqs.push(await store.docs.appendUpdate('r2/charter', Y.encodeStateAsUpdate(doc, before)));
      }
      const upto = seqs[1]!;
      const snapDoc = new Y.Doc();
      const loaded = await store.docs.load('r2/charter');
      loaded.updates.slice(0, 2).forEach((u) => Y.applyUpdate(snapDoc, u));
      await store.docs.compact('r2/charter', Y.encodeStateAsUpdate(snapDoc), upto);
      const after = await store.docs.load('r2/charter');
      expect(after.snapshot).not.toBeNull();
      expect(after.updates).toHaveLength(1);
      expect(after.lastSeq).toBe(seqs[2]);
      const copy = new Y.Doc();
      Y.applyUpdate(copy, after.snapshot!);
      after.updates.forEach((u) => Y.applyUpdate(copy, u));
      expect(copy.getText('t').toString()).toBe('abc');
      // An older snapshot never replaces a newer one.
      await store.docs.compact('r2/charter', new Uint8Array([0, 0]), seqs[0]!);
      expect((await store.docs.load('r2/charter')).snapshot).toEqual(after.snapshot);
    });

    it('deletes a room and a prefix of rooms, leaving others', async () => {
      const u = Y.encodeStateAsUpdate(new Y.Doc());
      for (const room of ['aa/vision', 'aa/board/x', 'aa/😀', 'ab/vision', 'a%/vision']) await store.docs.appendUpdate(room, u);
      await store.docs.delete('ab/vision');
      expect((await store.docs.load('ab/vision')).updates).toHaveLength(0);
      await store.docs.deletePrefix('aa/');
      expect((await store.docs.load('aa/vision')).updates).toHaveLength(0);
      expect((await store.docs.load('aa/board/x')).updates).toHaveLength(0);
      expect((await store.docs.load('aa/😀')).updates).toHaveLength(0);
      expect((await store.docs.load('a%/vision')).updates).toHaveLength(1);
    });

    it('stores workshops with organisations and boards, and deletes them wholly', async () => {
      const { w, orgs, boards } = await seedWorkshop(store);
      expect(await store.workshops.get(w.id)).toEqual(w);
      expect(await store.workshops.organisations(w.id)).toEqual(orgs);
      expect(await store.workshops.boards(w.id)).toEqual(boards);
      const m = member(w.id, orgs[0]!.id);
      await store.workshops.addMember(m);
      await store.credentials.add(credential(m, 'hash-' + w.id));
      await store.audit.append({ workshopId: w.id, at: now(), actorId: m.id, type: 'member.joined', data: {} });
      expect(await store.workshops.delete(w.id)).toBe(true);
      expect(await store.workshops.get(w.id)).toBeNull();
      expect(await store.workshops.members(w.id)).toEqual([]);
      expect(await store.credentials.find('hash-' + w.id, 'session')).toBeNull();
      expect(await store.audit.list(w.id)).toEqual([]);
      expect(await store.workshops.delete(w.id)).toBe(false);
    });

    it('adds, renames, orders and deletes boards, a board only in its own workshop', async () => {
      const { w, boards } = await seedWorkshop(store);
      const other = await seedWorkshop(store);
      const b2 = { id: id('b'), workshopId: w.id, title: 'Aktørkart', createdAt: now(), position: 1 };
      const b3 = { id: id('b'), workshopId: w.id, title: 'Reise', createdAt: now(), position: 1 };
      await store.workshops.addBoard(b2);
      await store.workshops.addBoard(b3);
      // Same position: creation order decides.
      expect((await store.workshops.boards(w.id)).map((b) => b.id)).toEqual([boards[0]!.id, b2.id, b3.id]);
      expect(await store.workshops.updateBoard(w.id, b3.id, { position: 0 })).toBe(true);
      expect(await store.workshops.updateBoard(w.id, boards[0]!.id, { title: 'Opning', position: 2 })).toBe(true);
      expect((await store.workshops.boards(w.id)).map((b) => [b.title, b.position])).toEqual([
        ['Reise', 0],
        ['Aktørkart', 1],
        ['Opning', 2],
      ]);
      expect(await store.workshops.updateBoard(other.w.id, b2.id, { title: 'Kapra' })).toBe(false);
      expect(await store.workshops.deleteBoard(other.w.id, b2.id)).toBe(false);
      expect(await store.facilitation.setBoardLocks(w.id, [b2.id], true, 'm', now())).toEqual([b2.id]);
      expect(await store.workshops.deleteBoard(w.id, b2.id)).toBe(true);
      expect((await store.workshops.boards(w.id)).map((b) => b.id)).toEqual([b3.id, boards[0]!.id]);
      expect(await store.facilitation.lockedBoards(w.id)).toEqual([]);
      expect((await store.workshops.boards(other.w.id)).map((b) => b.id)).toEqual([other.boards[0]!.id]);
    });

    it('keeps image bytes exactly, per workshop, and counts their size for the quota', async () => {
      const { w } = await seedWorkshop(store);
      const other = await seedWorkshop(store);
      const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255, 0, 254]);
      const image = { id: id('i'), workshopId: w.id, mime: 'image/png' as const, size: bytes.length, width: 2, height: 3, bytes, createdBy: 'm', createdAt: now() };
      await store.images.add(image);
      await store.images.add({ ...image, id: id('i'), size: 1000, bytes: new Uint8Array(1000) });
      expect(await store.images.get(w.id, image.id)).toEqual(image);
      expect(await store.images.get(other.w.id, image.id)).toBeNull();
      expect(await store.images.usage(w.id)).toBe(bytes.length + 1000);
      expect(await store.images.usage(other.w.id)).toBe(0);
      // They go with their workshop.
      await store.workshops.delete(w.id);
      expect(await store.images.get(w.id, image.id)).toBeNull();
      expect(await store.images.usage(w.id)).toBe(0);
    });

    it('updates title, language and organisation colours', async () => {
      const { w, orgs } = await seedWorkshop(store);
      expect(await store.workshops.update(w.id, { language: 'en' })).toBe(true);
      expect(await store.workshops.get(w.id)).toEqual({ ...w, language: 'en' });
      expect(await store.workshops.update(w.id, { title: 'Ny tittel' })).toBe(true);
      expect(await store.workshops.get(w.id)).toEqual({ ...w, language: 'en', title: 'Ny tittel' });
      expect(await store.workshops.update('nope', { title: 'x' })).toBe(false);
      expect(await store.workshops.setOrganisationColor(w.id, orgs[0]!.id, '#b91c1c')).toBe(true);
      expect(await store.workshops.setOrganisationColor(w.id, orgs[1]!.id, null)).toBe(true);
      expect((await store.workshops.organisations(w.id)).map((o) => o.color)).toEqual(['#b91c1c', null]);
      expect(await store.workshops.setOrganisationColor('other', orgs[0]!.id, null)).toBe(false);
      const later = { id: id('o'), workshopId: w.id, name: 'Statsforvaltaren', position: 2, color: null };
      await store.workshops.addOrganisation(later);
      expect((await store.workshops.organisations(w.id)).at(-1)).toEqual(later);
    });

    it('changes a member’s role within its workshop only', async () => {
      const { w, orgs } = await seedWorkshop(store);
      const m = member(w.id, orgs[0]!.id);
      await store.workshops.addMember(m);
      expect(await store.workshops.setRole(w.id, m.id, 'observer')).toBe(true);
      expect((await store.workshops.members(w.id))[0]!.role).toBe('observer');
      expect(await store.workshops.setRole('another-workshop', m.id, 'facilitator')).toBe(false);
      expect(await store.workshops.setRole(w.id, 'no-such-member', 'facilitator')).toBe(false);
    });

    it('finds members by credential hash and kind, several per member, and refuses duplicate hashes', async () => {
      const { w, orgs } = await seedWorkshop(store);
      const m = member(w.id, orgs[1]!.id);
      await store.workshops.addMember(m);
      const laptop = credential(m, 'h1-' + w.id);
      const phone = credential(m, 'h2-' + w.id);
      const reentry = credential(m, 'h3-' + w.id, 'reentry');
      for (const c of [laptop, phone, reentry]) await store.credentials.add(c);
      expect(await store.credentials.find(laptop.tokenHash, 'session')).toEqual({ credential: laptop, member: m });
      expect((await store.credentials.find(phone.tokenHash, 'session'))?.member).toEqual(m);
      expect(await store.credentials.find(reentry.tokenHash, 'session')).toBeNull();
      expect((await store.credentials.find(reentry.tokenHash, 'reentry'))?.credential.id).toBe(reentry.id);
      expect(await store.credentials.find('other', 'session')).toBeNull();
      await expect(store.credentials.add({ ...laptop, id: id('c') })).rejects.toBeInstanceOf(AppError);
      // Touch only moves forward; revoking one leaves the others.
      const later = new Date(Date.now() + 60_000).toISOString();
      await store.credentials.touch(laptop.id, later);
      await store.credentials.touch(laptop.id, laptop.lastUsedAt);
      expect((await store.credentials.find(laptop.tokenHash, 'session'))?.credential.lastUsedAt).toBe(later);
      expect(await store.credentials.revoke('another-workshop', laptop.id, now())).toBe(false);
      expect(await store.credentials.revoke(w.id, laptop.id, now())).toBe(true);
      expect(await store.credentials.revoke(w.id, laptop.id, now())).toBe(false);
      expect(await store.credentials.find(laptop.tokenHash, 'session')).toBeNull();
      expect(await store.credentials.find(phone.tokenHash, 'session')).not.toBeNull();
      expect(await store.credentials.revokeAll(w.id, m.id, 'reentry', now())).toBe(1);
      expect(await store.credentials.revokeAll(w.id, m.id, null, now())).toBe(1);
      expect(await store.credentials.find(phone.tokenHash, 'session')).toBeNull();
    });

    it('renames, removes and merges members, records visits and counts what others changed since', async () => {
      const { w, orgs } = await seedWorkshop(store);
      const a = member(w.id, orgs[0]!.id);
      const b = { ...member(w.id, orgs[0]!.id), invitedBy: a.id };
      await store.workshops.addMember(a);
      await store.workshops.addMember(b);
      expect(await store.workshops.member(w.id, b.id)).toEqual(b);
      expect(await store.workshops.member('another-workshop', b.id)).toBeNull();
      expect(await store.workshops.updateMember(w.id, b.id, { displayName: 'Kari N.' })).toBe(true);
      expect(await store.workshops.updateMember(w.id, b.id, { mergedInto: a.id })).toBe(true);
      expect(await store.workshops.updateMember('another-workshop', b.id, { removedAt: now() })).toBe(false);
      expect(await store.workshops.member(w.id, b.id)).toEqual({ ...b, displayName: 'Kari N.', mergedInto: a.id });
      const first = '2026-01-01T10:00:00.000Z';
      expect(await store.workshops.visit(w.id, a.id, first)).toBeNull();
      expect(await store.workshops.visit(w.id, a.id, '2026-01-02T10:00:00.000Z')).toBe(first);
      await store.audit.append({ workshopId: w.id, at: '2026-01-01T11:00:00.000Z', actorId: b.id, type: 'x', data: {} });
      await store.audit.append({ workshopId: w.id, at: '2026-01-01T12:00:00.000Z', actorId: a.id, type: 'x', data: {} });
      await store.audit.append({ workshopId: w.id, at: '2025-12-31T12:00:00.000Z', actorId: b.id, type: 'x', data: {} });
      expect(await store.audit.countSince(w.id, first, a.id)).toBe(1);
      expect(await store.audit.countSince(w.id, '', a.id)).toBe(2);
      await store.edits.record(w.id, [
        { room: 'charter', key: 'actors/x', memberId: b.id, organisationId: null, at: '2026-01-01T11:00:00.000Z' },
        { room: 'charter', key: 'actors/y', memberId: a.id, organisationId: null, at: '2026-01-01T11:00:00.000Z' },
      ]);
      expect(await store.edits.countSince(w.id, first, a.id)).toBe(1);
      expect(await store.edits.countSince(w.id, '2026-01-01T11:00:00.000Z', a.id)).toBe(0);
    });

    it('a constraint violation is 409 conflict, not storage_unavailable', async () => {
      const { w, orgs } = await seedWorkshop(store);
      const m = member(w.id, orgs[0]!.id);
      await store.workshops.addMember(m);
      const c = credential(m, 'dup-' + w.id);
      await store.credentials.add(c);
      await expect(store.credentials.add({ ...c, id: id('c') })).rejects.toMatchObject({ name: 'AppError', code: 'conflict', status: 409 });
      await expect(store.workshops.addMember(m)).rejects.toMatchObject({ code: 'conflict', status: 409 });
      await expect(store.transaction((tx) => tx.workshops.addMember(m))).rejects.toMatchObject({ code: 'conflict', status: 409 });
      // The store stays usable.
      expect(await store.credentials.find(c.tokenHash, 'session')).toEqual({ credential: c, member: m });
    });

    it('consumes invites atomically up to maxUses and revokes them', async () => {
      const { w, orgs } = await seedWorkshop(store);
      const invite = {
        id: id('i'), workshopId: w.id, role: 'participant' as const, organisationId: orgs[0]!.id, tokenHash: 'ih-' + w.id,
        createdBy: 'someone', createdAt: now(), expiresAt: null, maxUses: 3, uses: 0, revokedAt: null,
      };
      await store.workshops.addInvite(invite);
      const results = await Promise.all(Array.from({ length: 10 }, () => store.workshops.consumeInvite(invite.id)));
      expect(results.filter(Boolean)).toHaveLength(3);
      expect((await store.workshops.inviteByTokenHash(invite.tokenHash))?.uses).toBe(3);
      expect(await store.workshops.revokeInvite(w.id, invite.id, now())).toBe(true);
      expect(await store.workshops.revokeInvite('other-workshop', invite.id, now())).toBe(false);
      expect((await store.workshops.invites(w.id))[0]?.revokedAt).not.toBeNull();
    });

    it('chains audit entries by hash', async () => {
      const { w } = await seedWorkshop(store);
      const a = await store.audit.append({ workshopId: w.id, at: now(), actorId: null, type: 'workshop.created', data: { b: 1, a: [2] } });
      const b = await store.audit.append({ workshopId: w.id, at: now(), actorId: 'm', type: 'invite.created', data: {} });
      expect(a.seq).toBe(1);
      expect(a.prevHash).toBe(GENESIS_HASH);
      expect(b.prevHash).toBe(a.hash);
      const list = await store.audit.list(w.id);
      expect(list).toEqual([a, b]);
      expect(auditHash(GENESIS_HASH, list[0]!, 1)).toBe(a.hash);
    });

    it('commits a transaction as a whole and rolls it back on error', async () => {
      const { w } = await seedWorkshop(store);
      await expect(
        store.transaction(async (tx) => {
          await tx.audit.append({ workshopId: w.id, at: now(), actorId: null, type: 'x', data: {} });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.audit.list(w.id)).toEqual([]);
      await store.transaction(async (tx) => {
        await tx.audit.append({ workshopId: w.id, at: now(), actorId: null, type: 'y', data: {} });
        await tx.docs.appendUpdate(`${w.id}/vision`, new Uint8Array([0, 0]));
      });
      expect(await store.audit.list(w.id)).toHaveLength(1);
    });

    it('keeps calls outside a transaction out of it', async () => {
      const { w } = await seedWorkshop(store);
      let outside: Promise<unknown> | undefined;
      await expect(
        store.transaction(async (tx) => {
          await tx.audit.append({ workshopId: w.id, at: now(), actorId: null, type: 'inside', data: {} });
          outside = store.audit.append({ workshopId: w.id, at: now(), actorId: null, type: 'outside', data: {} });
          await new Promise((r) => setTimeout(r, 5));
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      await outside;
      expect((await store.audit.list(w.id)).map((e) => e.type)).toEqual(['outside']);
    });

    describeGovernanceContract(() => store, seedWorkshop);
    describeDocGroupContract(() => store, faults);
    it('records vision authors first-come, deletions in order, last-seen and milestones; all go with the workshop', async () => {
      const { w } = await seedWorkshop(store);
      await store.vision.recordClients(w.id, 'member-a', [1, 2 ** 32 - 1]);
      await store.vision.recordClients(w.id, 'member-b', [2 ** 32 - 1, 7]);
      await store.vision.recordDeletions(w.id, 'member-a', [[1, 0, 3]]);
      await store.vision.recordDeletions(w.id, 'member-b', [[1, 3, 2], [7, 0, 1]]);
      const authors = await store.vision.authors(w.id);
      expect([...authors.clients.entries()].sort((a, b) => a[0] - b[0])).toEqual([[1, 'member-a'], [7, 'member-b'], [2 ** 32 - 1, 'member-a']]);
      expect(authors.deletions).toEqual([{ memberId: 'member-a', ranges: [[1, 0, 3]] }, { memberId: 'member-b', ranges: [[1, 3, 2], [7, 0, 1]] }]);

      expect(await store.vision.seen(w.id, 'member-a')).toBeNull();
      await store.vision.setSeen(w.id, 'member-a', new Uint8Array([1, 2, 3]), '2026-01-01T00:00:00.000Z');
      await store.vision.setSeen(w.id, 'member-a', new Uint8Array([4, 5]), '2026-01-02T00:00:00.000Z');
      expect(await store.vision.seen(w.id, 'member-a')).toEqual({ snapshot: new Uint8Array([4, 5]), at: '2026-01-02T00:00:00.000Z' });

      const first = { id: id('s'), workshopId: w.id, name: 'After workshop 1', createdAt: '2026-01-01T10:00:00.000Z', createdBy: 'member-a', snapshot: new Uint8Array([9, 9]) };
      const second = { ...first, id: id('s'), name: 'After workshop 2', createdAt: '2026-02-01T10:00:00.000Z', snapshot: new Uint8Array([8]) };
      await store.vision.addMilestone(second);
      await store.vision.addMilestone(first);
      expect(await store.vision.milestones(w.id)).toEqual([first, second].map(({ snapshot: _s, ...m }) => m));
      expect(await store.vision.milestone(w.id, second.id)).toEqual(second);
      expect(await store.vision.milestone('other-workshop00', second.id)).toBeNull();

      await store.workshops.delete(w.id);
      expect((await store.vision.authors(w.id)).clients.size).toBe(0);
      expect(await store.vision.seen(w.id, 'member-a')).toBeNull();
      expect(await store.vision.milestones(w.id)).toEqual([]);
    });

    it('keeps one stance per organisation and milestone, a newer one replacing the older; they go with the workshop', async () => {
      const { w, orgs } = await seedWorkshop(store);
      const other = await seedWorkshop(store);
      const milestone = (workshopId: string, name: string, createdAt: string) => ({ id: id('s'), workshopId, name, createdAt, createdBy: 'member-a', snapshot: new Uint8Array([1]) });
      const m1 = milestone(w.id, 'Etter samling 1', '2026-01-01T10:00:00.000Z');
      const m2 = milestone(w.id, 'Etter samling 2', '2026-02-01T10:00:00.000Z');
      const foreign = milestone(other.w.id, 'Anna', '2026-01-01T10:00:00.000Z');
      for (const m of [m1, m2, foreign]) await store.vision.addMilestone(m);
      const stance = (milestoneId: string, workshopId: string, organisationId: string, stance: 'endorse' | 'object' | 'abstain', at: string, reason: string | null = null) =>
        ({ workshopId, milestoneId, organisationId, memberId: 'member-a', stance, reason, at });
      await store.vision.setStance(stance(m1.id, w.id, orgs[0]!.id, 'object', '2026-03-01T10:00:00.000Z', 'Manglar brukarane'));
      await store.vision.setStance(stance(m1.id, w.id, orgs[1]!.id, 'endorse', '2026-03-01T11:00:00.000Z'));
      await store.vision.setStance(stance(foreign.id, other.w.id, other.orgs[0]!.id, 'abstain', '2026-03-01T09:00:00.000Z'));
      // The same organisation on the same milestone: replaced (member, stance, reason and time), not added.
      const replaced = { ...stance(m1.id, w.id, orgs[0]!.id, 'endorse', '2026-03-02T10:00:00.000Z'), memberId: 'member-b' };
      await store.vision.setStance(replaced);
      await store.vision.setStance(stance(m2.id, w.id, orgs[0]!.id, 'abstain', '2026-03-03T10:00:00.000Z', 'Veit ikkje enno'));
      expect(await store.vision.stances(w.id)).toEqual([
        stance(m1.id, w.id, orgs[1]!.id, 'endorse', '2026-03-01T11:00:00.000Z'),
        replaced,
        stance(m2.id, w.id, orgs[0]!.id, 'abstain', '2026-03-03T10:00:00.000Z', 'Veit ikkje enno'),
      ]);
      expect((await store.vision.stances(other.w.id)).map((s) => s.milestoneId)).toEqual([foreign.id]);
      // Backed up and restored with the milestones they name.
      const rows = await store.backup.dump(w.id);
      expect(rows.vision_stances).toHaveLength(3);
      await store.workshops.delete(w.id);
      expect(await store.vision.stances(w.id)).toEqual([]);
      await store.backup.restore(rows);
      expect(await store.vision.stances(w.id)).toHaveLength(3);
      expect((await store.vision.stances(other.w.id)).map((s) => s.milestoneId)).toEqual([foreign.id]);
    });

    it('backs a workshop up table by table and restores it; every workshop table is accounted for', async () => {
      const { w, orgs } = await seedWorkshop(store);
      const m = member(w.id, orgs[0]!.id);
      await store.workshops.addMember(m);
      await store.vision.recordDeletions(w.id, m.id, [[1, 2, 3]]);
      await store.vision.setSeen(w.id, m.id, new Uint8Array([7, 8]), now());
      await store.vision.recordClients(w.id, m.id, [2 ** 32 - 1]);
      await store.facilitation.setTimer(w.id, { startedAt: 1_790_000_000_000, durationMs: 300_000, pausedRemainingMs: null });
      const rows = await store.backup.dump(w.id);
      expect(rows.organisations!.map((o) => o.name).sort()).toEqual(['Bufdir', 'NAV']);
      expect(rows.vision_deletions).toEqual([{ workshop_id: w.id, member_id: m.id, ranges: '[[1,2,3]]' }]);
      expect(rows.vision_seen![0]!.snapshot).toEqual({ $bytes: Buffer.from([7, 8]).toString('base64') });
      await store.workshops.delete(w.id);
      await store.backup.restore(rows);
      expect(await store.workshops.get(w.id)).toEqual(w);
      expect(await store.backup.dump(w.id)).toEqual(rows);
      expect((await store.vision.seen(w.id, m.id))!.snapshot).toEqual(new Uint8Array([7, 8]));
      await expect(store.backup.restore({ users: [{ id: 'x' }] })).rejects.toMatchObject({ code: 'backup_invalid' });
      await expect(store.backup.restore({ organisations: [{ id: 'o-x', 'name) VALUES (1); --': 'x' }] })).rejects.toMatchObject({ code: 'backup_invalid' });
      const entries = [{ seq: 1, workshopId: 'old', at: now(), actorId: null, type: 'x', data: { a: 1 }, prevHash: GENESIS_HASH, hash: 'h' }];
      await store.backup.archiveAudit(w.id, entries);
      expect(await store.backup.archivedAudit(w.id)).toEqual(entries);
      // Every table an import restores has its typed schema, and what this store dumps fits it.
      expect(BACKUP_TABLES.map((t) => t.table).filter((t) => !(t in BACKUP_ROW_SCHEMAS))).toEqual([]);
      for (const [table, list] of Object.entries(rows)) for (const r of list) expect(BACKUP_ROW_SCHEMAS[table]!.row.safeParse(r).error, table).toBeUndefined();
      const covered = new Set([...BACKUP_TABLES.map((t) => t.table), ...NOT_IN_BACKUP_TABLES]);
      expect((await store.backup.tablesWithWorkshop()).filter((t) => !covered.has(t))).toEqual([]);
    });
  });
}
