/**
 * Redis pub/sub fan-out: one channel per room (`<prefix>room:<name>`), binary messages
 *   byte 0 kind (0 update, 1 awareness) · bytes 1–16 instance id · 17–24 float64 sentAt · payload.
 * Two connections (subscriber mode blocks other commands). After a lost connection comes back,
 * ioredis resubscribes and `onResume` handlers run so rooms reconcile from the store.
 */
import { Redis } from 'ioredis';
import { AppError, ErrorCode } from '../../shared/errors.js';
import type { Logger } from '../log.js';
import type { Fanout, FanoutKind, FanoutMessage } from './fanout.js';

const HEADER = 1 + 16 + 8;
const KINDS: FanoutKind[] = ['update', 'awareness'];

export interface RedisFanoutOptions {
  url: string;
  instanceId: string;
  prefix?: string;
  log: Logger;
}

export class RedisFanout implements Fanout {
  readonly alone = false;
  readonly instanceId: string;
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly prefix: string;
  private readonly handlers = new Map<string, (m: FanoutMessage) => void>();
  private readonly resumeHandlers: (() => void)[] = [];
  private readonly controlHandlers: ((command: string) => void)[] = [];
  private lost = false;

  constructor(private readonly opts: RedisFanoutOptions) {
    if (Buffer.byteLength(opts.instanceId) !== 16) throw new Error('instance id must be 16 bytes');
    this.instanceId = opts.instanceId;
    this.prefix = opts.prefix ?? 'samskap:';
    const common = { maxRetriesPerRequest: 1, retryStrategy: (n: number) => Math.min(n * 200, 2000) };
    this.pub = new Redis(opts.url, { ...common, connectionName: `samskap-pub-${opts.instanceId}` });
    // We resubscribe ourselves (below): ioredis's own resubscription leaves its promises unhandled,
    // and a connection that drops again mid-way would reject them as unhandled rejections.
    this.sub = new Redis(opts.url, { ...common, autoResubscribe: false, connectionName: `samskap-sub-${opts.instanceId}` });
    for (const c of [this.pub, this.sub]) c.on('error', (err: Error) => opts.log.debug({ err }, 'redis connection error'));
    this.sub.on('close', () => (this.lost = true));
    this.sub.on('ready', () => {
      if (!this.lost) return;
      this.lost = false;
      this.sub.subscribe(this.controlChannel(), ...this.handlers.keys()).catch((err: unknown) => opts.log.warn({ err }, 'resubscription failed; the next reconnect retries'));
      opts.log.info('redis connection is back; rooms reconcile from the store');
      for (const fn of this.resumeHandlers) fn();
    });
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.deliver(channel.toString(), message));
    this.sub.subscribe(this.controlChannel()).catch((err: unknown) => opts.log.warn({ err }, 'control channel subscription failed'));
  }

  publishControl(command: string): void {
    this.pub.publish(this.controlChannel(), `${this.instanceId}${command}`).catch((err: unknown) => this.opts.log.warn({ err }, 'control publish failed'));
  }

  onControl(fn: (command: string) => void): void {
    this.controlHandlers.push(fn);
  }

  private controlChannel(): string {
    return `${this.prefix}control`;
  }

  async subscribe(room: string, handler: (m: FanoutMessage) => void): Promise<void> {
    this.handlers.set(this.channel(room), handler);
    await this.sub.subscribe(this.channel(room));
  }

  async unsubscribe(room: string): Promise<void> {
    this.handlers.delete(this.channel(room));
    await this.sub.unsubscribe(this.channel(room)).catch((err: unknown) => this.opts.log.debug({ err, room }, 'unsubscribe failed'));
  }

  publish(room: string, kind: FanoutKind, payload: Uint8Array): void {
    const msg = Buffer.allocUnsafe(HEADER + payload.byteLength);
    msg[0] = KINDS.indexOf(kind);
    msg.write(this.instanceId, 1, 16, 'latin1');
    msg.writeDoubleLE(Date.now(), 17);
    msg.set(payload, HEADER);
    // A failed publish is recovered by reconciliation; it must not fail the writer.
    this.pub.publish(this.channel(room), msg).catch((err: unknown) => this.opts.log.warn({ err, room }, 'fan-out publish failed'));
  }

  onResume(fn: () => void): void {
    this.resumeHandlers.push(fn);
  }

  async health(): Promise<void> {
    try {
      await this.pub.ping();
    } catch (err) {
      throw Object.assign(new AppError(ErrorCode.storageUnavailable, 503, 'Redis is unavailable.'), { cause: err });
    }
  }

  async close(): Promise<void> {
    this.handlers.clear();
    await Promise.allSettled([this.sub.quit(), this.pub.quit()]);
  }

  private channel(room: string): string {
    return `${this.prefix}room:${room}`;
  }

  private deliver(channel: string, message: Buffer): void {
    if (channel === this.controlChannel()) {
      const from = message.toString('latin1', 0, 16);
      if (from !== this.instanceId) for (const fn of this.controlHandlers) fn(message.toString('utf8', 16));
      return;
    }
    const handler = this.handlers.get(channel);
    if (!handler || message.length < HEADER) return;
    const from = message.toString('latin1', 1, 17);
    if (from === this.instanceId) return;
    const kind = KINDS[message[0]!];
    if (!kind) return;
    handler({ kind, from, sentAt: message.readDoubleLE(17), payload: new Uint8Array(message.buffer, message.byteOffset + HEADER, message.length - HEADER) });
  }
}
