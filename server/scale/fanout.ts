/**
 * Fan-out of room traffic between Samskap instances. `local` is the single-process default
 * (nothing to fan out); `redis` publishes over Redis pub/sub (server/scale/redis-fanout.ts).
 * Updates are published only after they are stored, so a receiver never stores them again and
 * a lost message is recovered from the store when rooms reconcile.
 */
export type FanoutKind = 'update' | 'awareness';

export interface FanoutMessage {
  kind: FanoutKind;
  /** The publishing instance. */
  from: string;
  /** Publisher's clock (ms since epoch) when it published, for the fan-out lag metric. */
  sentAt: number;
  payload: Uint8Array;
}

export interface Fanout {
  readonly instanceId: string;
  /** No other instance shares the store: this process writes every room's update log. */
  readonly alone: boolean;
  /** Resolves once messages for `room` will be delivered to `handler`. */
  subscribe(room: string, handler: (m: FanoutMessage) => void): Promise<void>;
  unsubscribe(room: string): Promise<void>;
  publish(room: string, kind: FanoutKind, payload: Uint8Array): void;
  /** Called after the connection to the others was lost and is back: rooms must reconcile. */
  onResume(fn: () => void): void;
  /** Instance-wide commands, e.g. `evict:<workshopId>` when a workshop is deleted. */
  publishControl(command: string): void;
  onControl(fn: (command: string) => void): void;
  health(): Promise<void>;
  close(): Promise<void>;
}

export class LocalFanout implements Fanout {
  readonly alone: boolean = true;
  constructor(readonly instanceId: string) {}
  async subscribe(): Promise<void> {}
  async unsubscribe(): Promise<void> {}
  publish(): void {}
  onResume(): void {}
  publishControl(): void {}
  onControl(): void {}
  async health(): Promise<void> {}
  async close(): Promise<void> {}
}
