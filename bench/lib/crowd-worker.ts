/**
 * A crowd in its own thread, so that crowds on different servers do not queue behind each other
 * in one event loop (what the Redis hop adds would otherwise include the load generator's time
 * spent reading the first crowd's messages). Times are epoch milliseconds
 * (`performance.timeOrigin + performance.now()`), comparable across threads.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { openCrowd, type SendTimes } from './clients.js';

export const epochNow = () => performance.timeOrigin + performance.now();

interface Start {
  urls: string[];
}
interface Result {
  latencies: number[];
  failed: number;
}

export interface RemoteCrowd {
  /** Resolves when every client has connected and received its initial state. */
  ready: Promise<void>;
  /** Closes the crowd and returns each edit's latency, given when each was sent. */
  finish(sent: SendTimes): Promise<Result>;
}

export function openCrowdInThread(urls: string[]): RemoteCrowd {
  // Workers do not inherit the TypeScript loader: register tsx in the worker, then load this file.
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { urls } satisfies Start });
  const next = () => new Promise<unknown>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const ready = next().then(() => undefined);
  return {
    ready,
    async finish(sent) {
      const result = next();
      worker.postMessage([...sent]);
      const r = (await result) as Result;
      await worker.terminate();
      return r;
    },
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const { urls } = workerData as Start;
  // Arrivals are recorded against the writers' clocks and timed once the send times are known.
  const arrivals: { client: number; i: number; at: number }[] = [];
  const crowd = await openCrowd(urls, new Map(), { onEdit: (client, i) => arrivals.push({ client, i, at: epochNow() }) });
  await Promise.all(crowd.synced);
  port.postMessage('ready');
  port.once('message', (sentEntries: [number, number[]][]) => {
    const sent = new Map(sentEntries);
    crowd.close();
    const latencies: number[] = [];
    for (const a of arrivals) {
      const t = sent.get(a.client)?.[a.i];
      if (t !== undefined) latencies.push(a.at - t);
    }
    port.postMessage({ latencies, failed: crowd.failed } satisfies Result);
  });
}
