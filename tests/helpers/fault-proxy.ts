/**
 * A WebSocket proxy that injects network faults between stock y-websocket providers and the real
 * server (issue #18). Every frame, in each direction, may be delayed, duplicated, held back and
 * released after the next one (reordered), or dropped; a dropped frame is always followed by
 * cutting that connection, since y-websocket does not resend inside a connection (its next
 * connection's sync handshake does). Connections are also cut at random. Decisions come from a
 * seeded PRNG (lib0/prng), one per direction of each connection in the order they open, so a seed
 * replays the same decisions for the same frames. `quiesce()` stops injecting and releases what
 * is held; then the proxy only relays, in order.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as prng from 'lib0/prng';
import WebSocket, { WebSocketServer, type RawData } from 'ws';

/** The chance per frame of each fault, and the longest delay of a delayed frame. */
export type FaultRates = Record<'delay' | 'duplicate' | 'reorder' | 'drop' | 'cut' | 'maxDelayMs', number>;

export const DEFAULT_RATES: FaultRates = { delay: 0.3, duplicate: 0.05, reorder: 0.05, drop: 0.02, cut: 0.03, maxDelayMs: 40 };

export type FaultCounts = Record<'connections' | 'frames' | 'delayed' | 'duplicated' | 'reordered' | 'dropped' | 'cuts', number>;

type Frame = { data: RawData; binary: boolean };

/** A client connection and its upstream. */
interface Link {
  lanes: [Lane, Lane];
  dead: boolean;
  /** Closes both sides as a network failure would (counted), or quietly (`stop`). */
  cut(): void;
  stop(): void;
}

export class FaultProxy {
  readonly counts: FaultCounts = { connections: 0, frames: 0, delayed: 0, duplicated: 0, reordered: 0, dropped: 0, cuts: 0 };
  /** Null while the proxy only relays. */
  faults: FaultRates | null = null;
  private readonly gen: prng.PRNG;
  private readonly links = new Set<Link>();

  private constructor(
    private readonly server: Server,
    readonly wsBase: string,
    seed: number,
    private readonly rates: FaultRates,
  ) {
    this.gen = prng.create(seed);
  }

  /** Listens on a free port and relays each upgrade to the same path on `target` (the server's `ws://host:port`). */
  static async start(target: string, seed: number, rates: FaultRates = DEFAULT_RATES): Promise<FaultProxy> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxy = new FaultProxy(server, `ws://127.0.0.1:${(server.address() as AddressInfo).port}/sync`, seed, rates);
    new WebSocketServer({ server }).on('connection', (client, req) => proxy.relay(client, new WebSocket(target + req.url)));
    return proxy;
  }

  inject(): void {
    this.faults = this.rates;
  }

  /** Stops injecting faults and releases every held frame; from now on frames are relayed in order. */
  quiesce(): void {
    this.faults = null;
    for (const link of this.links) for (const lane of link.lanes) lane.release();
  }

  async close(): Promise<void> {
    for (const link of this.links) link.stop();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: WebSocket, upstream: WebSocket): void {
    this.counts.connections++;
    const seed = () => prng.create(prng.uint32(this.gen, 0, 2 ** 31));
    const opened = new Promise<void>((resolve) => upstream.once('open', () => resolve()));
    const link: Link = {
      dead: false,
      lanes: [new Lane(this, () => link, upstream, seed(), opened), new Lane(this, () => link, client, seed(), Promise.resolve())],
      cut: () => {
        if (link.dead) return;
        this.counts.cuts++;
        link.stop();
      },
      stop: () => {
        link.dead = true;
        this.links.delete(link);
        client.terminate();
        upstream.terminate();
      },
    };
    this.links.add(link);
    client.on('message', (data, binary) => link.lanes[0].push({ data, binary }));
    upstream.on('message', (data, binary) => link.lanes[1].push({ data, binary }));
    // A close from one side reaches the other after the frames before it, with its code.
    client.on('close', (code, reason) => (upstream.readyState === WebSocket.CONNECTING ? link.stop() : link.lanes[0].end(code, reason.toString())));
    upstream.on('close', (code, reason) => link.lanes[1].end(code, reason.toString()));
    client.on('error', () => link.cut());
    upstream.on('error', () => link.cut());
  }
}

/** One direction of a link: frames leave in order, after their delays. */
class Lane {
  private tail: Promise<void>;
  private held: Frame | null = null;

  constructor(
    private readonly proxy: FaultProxy,
    private readonly link: () => Link,
    private readonly to: WebSocket,
    private readonly gen: prng.PRNG,
    opened: Promise<void>,
  ) {
    this.tail = opened;
  }

  push(frame: Frame): void {
    const { counts } = this.proxy;
    counts.frames++;
    const f = this.link().dead ? null : this.proxy.faults;
    if (!f) return this.send([frame, ...this.take()], 0);
    const roll = () => prng.real53(this.gen);
    if (roll() < f.cut) return this.link().cut();
    if (roll() < f.drop) {
      counts.dropped++;
      return this.link().cut();
    }
    const delay = roll() < f.delay ? (counts.delayed++, prng.int32(this.gen, 1, f.maxDelayMs)) : 0;
    const copies = roll() < f.duplicate ? (counts.duplicated++, [frame, frame]) : [frame];
    if (!this.held && roll() < f.reorder) {
      counts.reordered++;
      this.held = frame;
      return;
    }
    this.send([...copies, ...this.take()], delay);
  }

  /** Sends a held frame now (faults stopped). */
  release(): void {
    const held = this.take();
    if (held.length) this.send(held, 0);
  }

  end(code: number, reason: string): void {
    this.tail = this.tail.then(() => {
      // 1005 and 1006 (no code, abnormal) cannot be sent: the other side sees a cut.
      if (code === 1005 || code === 1006) this.to.terminate();
      else this.to.close(code, reason);
    });
  }

  private take(): Frame[] {
    const held = this.held;
    this.held = null;
    return held ? [held] : [];
  }

  private send(frames: Frame[], delay: number): void {
    this.tail = this.tail.then(async () => {
      if (delay) await new Promise((r) => setTimeout(r, delay));
      for (const { data, binary } of frames) if (!this.link().dead && this.to.readyState === WebSocket.OPEN) this.to.send(data, { binary });
    });
  }
}
