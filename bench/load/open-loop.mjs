// An open-loop load: each endpoint's requests are sent at evenly spaced times (its share of the rate), whatever the
// answers do, and each latency counts from the time the request was due, so a slow server shows as latency rather
// than as fewer requests (no coordinated omission). autocannon's overallRate sends each connection's quota for the
// second back to back at the start of every second, which measures bursts of the whole second's traffic instead.
import http from 'node:http';

const percentileOf = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

/**
 * endpoints: [{ name, rate (req/s), paths: [...], headers }]; each endpoint has its own keep-alive agent with up to
 * maxSockets connections (beyond them requests wait in the agent, and that wait is part of their latency).
 */
export async function openLoop({ base, endpoints, seconds, maxSockets = 64, timeoutMs = 5000 }) {
  const started = performance.now();
  const endAt = started + seconds * 1000;
  const runs = endpoints.map((e) => ({
    e,
    agent: new http.Agent({ keepAlive: true, maxSockets }),
    latencies: [],
    inWindow: 0,
    non2xx: 0,
    errors: 0,
    bytes: 0,
    sent: 0,
    inFlight: new Set(),
  }));
  const send = (run, due) => {
    const path = run.e.paths[run.sent % run.e.paths.length];
    run.sent += 1;
    const token = {};
    run.inFlight.add(token);
    const req = http.get(`${base}${path}`, { agent: run.agent, headers: run.e.headers, timeout: timeoutMs }, (res) => {
      let bytes = 0;
      res.on('data', (c) => (bytes += c.length));
      res.on('end', () => {
        run.inFlight.delete(token);
        const now = performance.now();
        run.latencies.push(now - due);
        if (now <= endAt) run.inWindow += 1;
        run.bytes += bytes;
        if (res.statusCode < 200 || res.statusCode >= 300) run.non2xx += 1;
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => {
      if (!run.inFlight.delete(token)) return;
      run.errors += 1;
    });
  };
  // One timer per endpoint, catching up on every request that has come due (timers fire late under load).
  await Promise.all(
    runs.map(
      (run) =>
        new Promise((resolve) => {
          const interval = 1000 / run.e.rate;
          let next = started + Math.random() * interval;
          const tick = () => {
            const now = performance.now();
            while (next <= now && next < endAt) {
              send(run, next);
              next += interval;
            }
            if (next >= endAt) return resolve();
            setTimeout(tick, Math.max(0, next - performance.now()));
          };
          tick();
        }),
    ),
  );
  const deadline = performance.now() + timeoutMs + 1000;
  while (runs.some((r) => r.inFlight.size > 0) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  for (const r of runs) r.agent.destroy();
  return runs.map((r) => {
    const sorted = r.latencies.sort((a, b) => a - b);
    return {
      name: r.e.name,
      offered: r.e.rate,
      sent: r.sent,
      done: sorted.length,
      achieved: r.inWindow / seconds,
      p50: percentileOf(sorted, 50),
      p99: percentileOf(sorted, 99),
      non2xx: r.non2xx,
      errors: r.errors + r.inFlight.size,
      bytes: r.bytes,
    };
  });
}
