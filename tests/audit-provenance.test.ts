/**
 * The signed audit chain end to end, between two real servers: a charter export carries key and
 * head signature and `npm run verify-charter` checks it offline (and refuses it once one byte of
 * an entry changed); PDF and DOCX print the key's fingerprint; an imported chain shows
 * "provenance: <fingerprint>" of the server that signed it, while an invented, re-hashed chain
 * (or an unsigned one) shows "unverified".
 */
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedWorkshopDto } from '../shared/api.js';
import { AuditLogDto, type AuditKeyDto, type ImportedChainDto, type ProvenanceDto } from '../shared/audit.js';
import type { CharterExport } from '../shared/export/charter-export.js';
import { auditHash, GENESIS_HASH } from '../server/store/audit-hash.js';
import { generateAuditKeyPair, keyFingerprint, signHead, type AuditKeyPair } from '../server/store/audit-sign.js';
import type { AuditEntry } from '../server/store/types.js';
import { call, fixture, type Fixture } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';

interface Backup { format: string; version: number; createdAt: string; sha256: string; content: { audit: AuditEntry[]; auditKey?: string } & Record<string, unknown> }
interface Audit { entries: AuditEntry[]; signature: { signed: boolean; verified: boolean; fingerprint: string }; imported?: { verification: { ok: boolean }; provenance: ProvenanceDto; chains: ImportedChainDto[] } }

let a: TestServer;
let b: TestServer;
let f: Fixture;
let keyA: AuditKeyDto;
let keyB: AuditKeyDto;
let backup: Backup;
const tmp = mkdtempSync(path.join(tmpdir(), 'samskap-provenance-'));

beforeAll(async () => {
  [a, b] = await Promise.all([startServer(), startServer()]);
  f = await fixture(a.base);
  [keyA, keyB] = [(await call<AuditKeyDto>(a.base, 'GET', '/api/audit-key')).body, (await call<AuditKeyDto>(b.base, 'GET', '/api/audit-key')).body];
  const r = await fetch(`${a.base}/api/workshops/${f.workshop.id}/backup`, { headers: { authorization: `Bearer ${f.facilitator}` } });
  backup = (await r.json()) as Backup;
}, 60_000);
afterAll(async () => {
  for (const s of [a, b]) {
    await s?.stop();
    s?.cleanup();
  }
  rmSync(tmp, { recursive: true, force: true });
});

/** Markdown's backslash escapes undone: the text a reader sees. */
const unescapeMd = (md: string) => md.replace(/\\([!-/:-@[-`{-~])/g, '$1');

async function download(s: TestServer, workshopId: string, token: string, query: string): Promise<Buffer> {
  const r = await fetch(`${s.base}/api/workshops/${workshopId}/export/charter?${query}`, { headers: { authorization: `Bearer ${token}` } });
  expect(r.status).toBe(200);
  return Buffer.from(await r.arrayBuffer());
}

/** Asynchronous, so the servers in this process keep answering (a blocked loop drops kept-alive connections). */
function verifyCharter(text: string | Buffer, ...args: string[]): Promise<{ status: number | null; out: string }> {
  const file = path.join(tmp, `charter-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, text);
  return new Promise((resolve) => {
    execFile('npm', ['run', '-s', 'verify-charter', '--', file, ...args], { encoding: 'utf8' }, (err, stdout, stderr) => {
      resolve({ status: err ? (typeof err.code === 'number' ? err.code : -1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

async function importInto(s: TestServer, file: Backup): Promise<{ created: CreatedWorkshopDto; audit: Audit }> {
  const done = await call<CreatedWorkshopDto>(s.base, 'POST', '/api/workshops/import', { displayName: 'Importør Ida', backup: file });
  expect(done.status, JSON.stringify(done.body)).toBe(201);
  const audit = (await call<Audit>(s.base, 'GET', `/api/workshops/${done.body.id}/audit`, undefined, done.body.token)).body;
  expect(AuditLogDto.safeParse(audit).success).toBe(true);
  return { created: done.body, audit };
}

/** The backup with its chain changed by `edit`, re-hashed so every link holds, re-sealed with a fresh checksum. */
function forged(edit: (e: AuditEntry, i: number) => AuditEntry, key?: AuditKeyPair | null): Backup {
  const content = structuredClone(backup.content);
  let prev = GENESIS_HASH;
  content.audit = content.audit.map((old, i) => {
    const { signature, ...e } = edit(old, i);
    const prevHash = prev;
    const hash = auditHash(prevHash, e, e.seq);
    prev = hash;
    const sig = key === undefined ? signature : key ? signHead(key.privateKey, { workshopId: e.workshopId, seq: e.seq, hash }) : undefined;
    return { ...e, prevHash, hash, ...(sig ? { signature: sig } : {}) };
  });
  if (key) content.auditKey = key.publicKey;
  if (key === null) delete content.auditKey;
  return { ...backup, content, sha256: createHash('sha256').update(JSON.stringify(content)).digest('hex') };
}

describe('the charter export carries key and signature', () => {
  it('JSON: verify-charter succeeds on a real export and fails once one byte of an entry or the signature changed', async () => {
    const body = await download(a, f.workshop.id, f.observer, 'format=json');
    const json = JSON.parse(body.toString('utf8')) as CharterExport;
    expect(json.audit).toMatchObject({ signed: true, signatureVerified: true, publicKey: keyA.publicKey, fingerprint: keyA.fingerprint, imported: [] });
    expect(json.audit.chain.at(-1)!.hash).toBe(json.audit.headHash);
    const ok = await verifyCharter(body);
    expect(ok.status, ok.out).toBe(0);
    expect(ok.out).toContain(`VERIFIED "${f.workshop.title}": audit chain of ${json.audit.entries} entries holds`);
    expect(ok.out).toContain(keyA.fingerprint);
    const text = body.toString('utf8');
    const at = text.indexOf('"workshop.created"') + 2;
    const oneByte = text.slice(0, at) + (text[at] === 'w' ? 'W' : 'w') + text.slice(at + 1);
    const sig = json.audit.signature!;
    const [pinned, otherKey, changed, badSig, truncated] = await Promise.all([
      verifyCharter(body, '--fingerprint', keyA.fingerprint.toUpperCase()),
      verifyCharter(body, '--fingerprint', keyB.fingerprint),
      verifyCharter(oneByte),
      verifyCharter(text.replaceAll(sig, (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1))),
      verifyCharter('{"format":"samskap-charter"'),
    ]);
    expect(pinned.status, pinned.out).toBe(0);
    expect(otherKey.status).toBe(1);
    expect(otherKey.out).toContain(`it is signed by key ${keyA.fingerprint}, not by the expected ${keyB.fingerprint}`);
    expect(changed.status).toBe(1);
    expect(changed.out).toContain('NOT VERIFIED');
    expect(changed.out).toContain('the audit chain breaks at entry 1');
    expect(badSig.status).toBe(1);
    expect(badSig.out).toContain('the head signature does not verify');
    expect(truncated.status).toBe(1);
    expect(truncated.out).toContain('the file is not JSON');
  }, 60_000);

  it('DOCX and PDF print the key fingerprint under a translated label', async () => {
    const docx = unzipSync(new Uint8Array(await download(a, f.workshop.id, f.observer, 'format=docx&lang=nb')));
    const xml = strFromU8(docx['word/document.xml']!);
    expect(xml).toContain(keyA.fingerprint);
    expect(xml).toContain('Fingeravtrykk for serverens signeringsnøkkel (SHA-256):');
    const pdf = await download(a, f.workshop.id, f.observer, 'format=pdf&lang=en');
    const file = path.join(tmp, 'charter.pdf');
    writeFileSync(file, pdf);
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    if (text.error) return void console.warn('SKIPPING the PDF text check: pdftotext (poppler-utils) is not installed');
    expect(text.stdout).toContain(keyA.fingerprint);
    expect(text.stdout).toContain("Fingerprint of the server's signing key (SHA-256):");
  });
});

describe('provenance of imported chains', () => {
  it('a genuine backup shows "provenance: <fingerprint>" of the server that signed it, in the audit answer and the exports', async () => {
    const { created, audit } = await importInto(b, backup);
    const label = `provenance: ${keyA.fingerprint}`;
    expect(audit.imported!.verification.ok).toBe(true);
    expect(audit.imported!.provenance).toEqual({ verified: true, label, publicKey: keyA.publicKey, fingerprint: keyA.fingerprint });
    expect(audit.imported!.chains).toEqual([{ workshopId: f.workshop.id, entries: backup.content.audit.length, headHash: backup.content.audit.at(-1)!.hash, provenance: audit.imported!.provenance }]);
    expect(audit.entries[0]!.data).toMatchObject({ importedKey: keyA.publicKey, provenance: label });
    expect(audit.signature).toMatchObject({ signed: true, verified: true, fingerprint: keyB.fingerprint });
    const body = await download(b, created.id, created.token, 'format=json');
    const json = JSON.parse(body.toString('utf8')) as CharterExport;
    expect(json.audit.fingerprint).toBe(keyB.fingerprint);
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync('docs/charter-export.schema.json', 'utf8')) as Record<string, unknown>);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.audit.imported).toEqual([{ workshopId: f.workshop.id, entries: backup.content.audit.length, headHash: backup.content.audit.at(-1)!.hash, provenance: label, fingerprint: keyA.fingerprint }]);
    expect((await verifyCharter(body)).status).toBe(0);
    const md = unescapeMd((await download(b, created.id, created.token, 'format=md&lang=en')).toString('utf8'));
    expect(md).toContain(`provenance: ${keyA.fingerprint}`);
    // Backed up again from B, imported into A: both chains keep their provenance.
    const again = (await (await fetch(`${b.base}/api/workshops/${created.id}/backup`, { headers: { authorization: `Bearer ${created.token}` } })).json()) as Backup;
    const second = await importInto(a, again);
    expect(second.audit.imported!.chains.map((c) => c.provenance.label)).toEqual([label, `provenance: ${keyB.fingerprint}`]);
  }, 60_000);

  it('an invented, re-hashed chain imports (its links hold) but shows "unverified"', async () => {
    const invented = forged((e, i) => (i === 0 ? { ...e, data: { ...e.data, invented: 'a decision nobody took' } } : e));
    const { created, audit } = await importInto(b, invented);
    expect(audit.imported!.verification.ok).toBe(true);
    expect(audit.imported!.provenance).toEqual({ verified: false, label: 'unverified' });
    expect(audit.entries[0]!.data.provenance).toBe('unverified');
    const json = JSON.parse((await download(b, created.id, created.token, 'format=json')).toString('utf8')) as CharterExport;
    expect(json.audit.imported[0]).toMatchObject({ provenance: 'unverified', fingerprint: null });
    const md = unescapeMd((await download(b, created.id, created.token, 'format=md&lang=nn')).toString('utf8'));
    expect(md).toContain('ikkje stadfesta');
  });

  it('an unsigned chain (a backup from before signing) shows "unverified"', async () => {
    const { audit } = await importInto(b, forged((e) => e, null));
    expect(audit.imported!.verification.ok).toBe(true);
    expect(audit.imported!.provenance.label).toBe('unverified');
  });

  it('a chain re-signed with another key names that key, not the original server', async () => {
    const mallory = generateAuditKeyPair();
    const { audit } = await importInto(b, forged((e, i) => (i === 0 ? { ...e, data: { invented: true } } : e), mallory));
    expect(audit.imported!.provenance.label).toBe(`provenance: ${keyFingerprint(mallory.publicKey)}`);
    expect(audit.imported!.provenance.label).not.toContain(keyA.fingerprint);
  });
});
