/**
 * Prometheus metrics (`GET /metrics`), one registry per Samskap instance (no global registry).
 * Hot-path counters are plain numbers in SyncStats; gauges and counters read them when scraped.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { SyncStats } from './sync/stats.js';

export class Metrics {
  readonly registry = new Registry();
  readonly sync = new SyncStats();
  readonly storeLatency: Histogram;
  readonly fanoutLag: Histogram;

  constructor(sources: { roomsLoaded: () => number; roomBytes: () => number }) {
    const r = this.registry;
    const s = this.sync;
    collectDefaultMetrics({ register: r, prefix: 'samskap_process_' });
    new Gauge({ name: 'samskap_sync_connections', help: 'Open sync connections', registers: [r], collect() { this.set(s.connections); } });
    new Gauge({ name: 'samskap_sync_rooms_loaded', help: 'Documents loaded in memory', registers: [r], collect() { this.set(sources.roomsLoaded()); } });
    new Gauge({ name: 'samskap_sync_room_bytes', help: 'Bytes of the documents loaded in memory as stored (snapshot and update log, deleted content included), kept as they grow', registers: [r], collect() { this.set(sources.roomBytes()); } });
    const counter = (name: string, help: string, read: () => number) =>
      new Counter({ name, help, registers: [r], collect() { this.reset(); this.inc(read()); } });
    counter('samskap_sync_messages_in_total', 'Sync messages received from clients', () => s.messagesIn);
    counter('samskap_sync_messages_out_total', 'Sync messages sent to clients', () => s.messagesOut);
    counter('samskap_sync_updates_stored_total', 'Merged updates appended to the store', () => s.updatesStored);
    counter('samskap_sync_dropped_writes_total', 'Writes dropped from read-only connections', () => s.droppedWrites);
    counter('samskap_sync_refused_updates_total', 'Updates refused by a room\'s content rules or caps (4422, 4414)', () => s.refusedUpdates);
    counter('samskap_sync_awareness_dropped_total', 'Awareness updates dropped: state over 8 KB or beyond 10 a second', () => s.awarenessDropped);
    counter('samskap_sync_awareness_queries_dropped_total', 'Awareness queries beyond 1 a second, not answered', () => s.awarenessQueriesDropped);
    counter('samskap_fanout_updates_in_total', 'Updates received from other instances', () => s.remoteUpdatesIn);
    this.storeLatency = new Histogram({
      name: 'samskap_store_append_seconds',
      help: 'Time to append a merged update to the store',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [r],
    });
    this.fanoutLag = new Histogram({
      name: 'samskap_fanout_lag_seconds',
      help: 'Time from publishing an update on one instance to receiving it on another',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
      registers: [r],
    });
  }
}
