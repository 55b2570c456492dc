/** socket.io clients for tests: every event received is recorded; commands resolve with their ack. */
import { io, type Socket } from 'socket.io-client';
import type { Ack, CommandName, CommandResults, WorkshopState } from '../../shared/realtime/index.js';
import { within } from './sync.js';

export interface Received {
  name: string;
  payload: unknown;
}

export class TestSocket {
  readonly socket: Socket;
  readonly received: Received[] = [];
  readonly synced: Promise<WorkshopState>;

  constructor(base: string, token: string) {
    this.socket = io(base, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    this.socket.onAny((name: string, payload: unknown) => this.received.push({ name, payload }));
    this.synced = within(5000, 'state.synced', new Promise((resolve) => this.socket.once('state.synced', resolve)));
  }

  /** Sends a command and resolves with its ack (raw payload: tests send malformed ones too). */
  cmd<K extends CommandName>(name: K, payload?: unknown): Promise<Ack<CommandResults[K]>> {
    const args = payload === undefined ? [] : [payload];
    return within(5000, `ack of ${name}`, this.socket.timeout(4000).emitWithAck(name, ...args) as Promise<Ack<CommandResults[K]>>);
  }

  /** The data of a command that must succeed. */
  async ok<K extends CommandName>(name: K, payload?: unknown): Promise<CommandResults[K]> {
    const r = await this.cmd(name, payload);
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
    return r.data;
  }

  /** Resolves with the first (already received or coming) event of that name matching `match`. */
  next<T = unknown>(name: string, match: (p: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
    const seen = this.received.find((r) => r.name === name && match(r.payload as T));
    if (seen) return Promise.resolve(seen.payload as T);
    return within(
      timeoutMs,
      `event ${name}`,
      new Promise<T>((resolve) => {
        const listener = (p: T) => {
          if (!match(p)) return;
          this.socket.off(name, listener);
          resolve(p);
        };
        this.socket.on(name, listener);
      }),
    );
  }

  names(): string[] {
    return this.received.map((r) => r.name);
  }

  close(): void {
    this.socket.close();
  }
}

export async function connected(base: string, token: string): Promise<TestSocket> {
  const s = new TestSocket(base, token);
  await s.synced;
  return s;
}

/** Connects one socket per token, in parallel; the tuple keeps its length for destructuring. */
export async function connectedAll<T extends readonly string[]>(base: string, ...tokens: T): Promise<{ -readonly [K in keyof T]: TestSocket }> {
  return (await Promise.all(tokens.map((t) => connected(base, t)))) as { -readonly [K in keyof T]: TestSocket };
}
