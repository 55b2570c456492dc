/**
 * What one small write to a loopback TCP socket costs this process in CPU (user + system, µs),
 * measured like the servers' fan-out: 200 sockets, one 40-byte write each, every 10 ms, for 2 s.
 * The readers run in a child process. On loopback the kernel also runs the receiving side's TCP
 * path in the writer's system call, so this is the floor for any server that writes one message
 * per frame; only merging several messages into one write gets under it.
 */
import { spawn } from 'node:child_process';
import { createServer, type Socket } from 'node:net';

const SOCKETS = 200;

export async function loopbackWriteCost(): Promise<number> {
  const sockets: Socket[] = [];
  const server = createServer((s) => {
    s.setNoDelay(true);
    s.on('data', () => undefined);
    s.on('error', () => undefined);
    sockets.push(s);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  const readers = spawn(
    process.execPath,
    ['-e', `const net=require('net');for(let i=0;i<${SOCKETS};i++){const c=net.connect(${port},'127.0.0.1');c.on('data',()=>{});c.on('error',()=>{})}setInterval(()=>{},1000)`],
    { stdio: 'ignore' },
  );
  try {
    const deadline = Date.now() + 10_000;
    while (sockets.length < SOCKETS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const buf = Buffer.alloc(40, 1);
    let writes = 0;
    const cpu0 = process.cpuUsage();
    const t0 = Date.now();
    while (Date.now() - t0 < 2000) {
      for (const s of sockets) s.write(buf);
      writes += sockets.length;
      await new Promise((r) => setTimeout(r, 10));
    }
    const cpu = process.cpuUsage(cpu0);
    return (cpu.user + cpu.system) / writes;
  } finally {
    readers.kill();
    sockets.forEach((s) => s.destroy());
    server.close();
  }
}
