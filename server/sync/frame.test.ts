import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { binaryFrame, rawSocket } from './frame.js';

describe('pre-framed broadcasts', () => {
  it('are read by a stock ws client exactly, for every length class', async () => {
    const server = createServer();
    const wss = new WebSocketServer({ server, perMessageDeflate: false });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const [conn] = (await once(wss, 'connection')) as [WebSocket];
    await once(client, 'open');
    const sizes = [0, 1, 125, 126, 65_535, 65_536, 300_000];
    const got: Buffer[] = [];
    client.on('message', (d: Buffer) => got.push(d));
    const sent = sizes.map((n) => Uint8Array.from({ length: n }, (_, i) => (i * 7) & 255));
    for (const m of sent) rawSocket(conn)!.write(binaryFrame(m));
    while (got.length < sizes.length) await once(client, 'message');
    expect(got.map((b) => b.length)).toEqual(sizes);
    got.forEach((b, i) => expect(new Uint8Array(b)).toEqual(sent[i]));
    expect(binaryFrame(sent[2]!)).toBe(binaryFrame(sent[2]!));
    client.close();
    wss.close();
    server.close();
  });
});
