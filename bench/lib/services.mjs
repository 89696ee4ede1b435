// Shared by the benchmarks: free ports, the built services as child processes, readiness, NATS request/reply.
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSONCodec } from 'nats';

export const root = new URL('../..', import.meta.url).pathname;
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const codec = JSONCodec();

export async function freePort() {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** A built service (dist/) as a child process with only the given environment (plus PATH). */
export function startService(name, env) {
  const profile = process.env.BENCH_PROFILE === name ? ['--cpu-prof', `--cpu-prof-dir=${join(root, 'tmp', 'profiles')}`] : [];
  const child = spawn(process.execPath, [...profile, join(root, 'dist/apps', name, 'apps', name, 'src/main.js')], {
    env: { PATH: process.env.PATH, OTEL_SDK_DISABLED: 'true', LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (c) => {
    out += c;
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  if (process.env.BENCH_LOG_DIR) {
    const file = createWriteStream(join(process.env.BENCH_LOG_DIR, `${name}.log`), { flags: 'a' });
    child.stdout.pipe(file);
    child.stderr.pipe(file);
  }
  return { child, output: () => out };
}

export async function waitHttp(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${url} not ready`);
}

export function peakRssMb(pid) {
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return null;
  }
}

export async function rpc(nc, subject, payload, timeout = 15_000) {
  const msg = await nc.request(subject, codec.encode(payload), { timeout });
  const reply = codec.decode(msg.data);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.data;
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// CPU seconds used so far, summed per program name over every live process (postgres and mariadb backends included),
// so the run can say where the machine's time went.
export function cpuByProgram() {
  const totals = {};
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      const cmdline = comm === 'node' || comm.startsWith('MainThread') ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
      const name = /dist\/apps\/(\w+)\//.exec(cmdline)?.[1] ?? (comm.startsWith('postgres') ? 'postgres' : comm);
      totals[name] = (totals[name] ?? 0) + ticks / 100;
    } catch {
      // the process ended meanwhile
    }
  }
  return totals;
}

export function cpuDelta(before, after, minSeconds = 0.5) {
  return Object.entries(after)
    .map(([name, s]) => [name, s - (before[name] ?? 0)])
    .filter(([, s]) => s >= minSeconds)
    .sort((a, b) => b[1] - a[1])
    .map(([name, s]) => `${name} ${s.toFixed(1)} s`)
    .join(', ');
}
