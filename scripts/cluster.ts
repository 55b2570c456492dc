/**
 * `npm run cluster -- --instances 3`: several Samskap instances on one machine behind a small
 * TCP load balancer, for trying scale-out. Needs DATABASE_URL (PostgreSQL) and REDIS_URL; PORT
 * (default 3000) is the balancer's. Connections are spread round-robin; a backend that refuses
 * is skipped, so killing one instance moves its clients to the others when they reconnect.
 * In production use a real proxy (see README: nginx with WebSocket upgrade headers).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type Socket } from 'node:net';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { instances: { type: 'string', default: '2' } } });
const count = Number(values.instances);
if (!Number.isInteger(count) || count < 1 || count > 16) throw new Error('--instances must be 1–16');
if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
  process.stderr.write('npm run cluster needs DATABASE_URL (postgres://…) and REDIS_URL (redis://…)\n');
  process.exit(2);
}
if (!process.env.SESSION_SECRET) {
  process.stderr.write('npm run cluster needs SESSION_SECRET (≥ 32 characters), shared by all instances\n');
  process.exit(2);
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const backends = Array.from({ length: count }, (_, i) => port + 1 + i);
const children: ChildProcess[] = backends.map((p) =>
  spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: String(p), HOST: '127.0.0.1', PUBLIC_URL: process.env.PUBLIC_URL ?? `http://${host}:${port}` },
  }),
);

let next = 0;
function pipeTo(client: Socket, tries: number): void {
  const backend = backends[next++ % backends.length]!;
  const upstream = connect(backend, '127.0.0.1');
  upstream.once('connect', () => {
    client.pipe(upstream).pipe(client);
  });
  upstream.once('error', () => {
    if (upstream.listenerCount('connect') && tries < backends.length) pipeTo(client, tries + 1);
    else client.destroy();
  });
  client.once('error', () => upstream.destroy());
  client.once('close', () => upstream.destroy());
  upstream.once('close', () => client.destroy());
}

// A new socket stays paused (no reader) until it is piped once its backend has connected.
const balancer = createServer((client) => pipeTo(client, 1));
balancer.listen(port, host, () => process.stdout.write(`Samskap cluster: ${count} instances behind http://${host}:${port}\n`));

const stop = () => {
  balancer.close();
  children.forEach((c) => c.kill('SIGTERM'));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
