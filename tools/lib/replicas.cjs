// How many processes of each service `npm start` runs, and on which ports.
'use strict';

const MAX_REPLICAS = 16;
/** Replica k of a service listens on the service's port + k × this step (the first replica keeps the usual port). */
const PORT_STEP = 100;

/**
 * `--replicas N` (every service), `--replicas gateway=2,analytics=3`, or both (`--replicas 2,ml=1`); the option may
 * be given as `--replicas=...` and more than once, later values winning. Returns service → count; throws with a
 * message for the user on anything else.
 */
function parseReplicas(argv, services) {
  const counts = Object.fromEntries(services.map((s) => [s, 1]));
  const values = [];
  argv.forEach((arg, i) => {
    if (arg === '--replicas') {
      if (argv[i + 1] === undefined || argv[i + 1].startsWith('--'))
        throw new Error('--replicas needs a value: a count (--replicas 2) or service=count pairs (--replicas gateway=2,analytics=2)');
      values.push(argv[i + 1]);
    } else if (arg.startsWith('--replicas=')) {
      values.push(arg.slice('--replicas='.length));
    }
  });
  const count = (text, what) => {
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < 1 || n > MAX_REPLICAS) throw new Error(`${what}: "${text}" is not a replica count from 1 to ${MAX_REPLICAS}`);
    return n;
  };
  for (const value of values) {
    for (const part of value
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const [name, n] = part.includes('=') ? part.split('=', 2).map((p) => p.trim()) : [undefined, part];
      if (name === undefined) {
        const all = count(n, '--replicas');
        for (const s of services) counts[s] = all;
      } else if (!services.includes(name)) {
        throw new Error(`--replicas: unknown service "${name}" (services: ${services.join(', ')})`);
      } else {
        counts[name] = count(n, `--replicas ${name}`);
      }
    }
  }
  return counts;
}

/**
 * One entry per process: { id, service, replica, port }. A service with several replicas behind a balancer (the
 * gateway: its port is the public address) gives its own port to the balancer and its replicas the next steps up;
 * otherwise replica 1 keeps the service's port and replica k takes port + (k − 1) × PORT_STEP.
 */
function replicaPlan(services, counts, balanced = []) {
  return services.flatMap(({ name, port }) => {
    const n = counts[name] ?? 1;
    const behindBalancer = balanced.includes(name) && n > 1;
    return Array.from({ length: n }, (_, i) => ({
      id: n === 1 ? name : `${name}#${i + 1}`,
      service: name,
      replica: i + 1,
      port: port + (behindBalancer ? i + 1 : i) * PORT_STEP,
    }));
  });
}

module.exports = { parseReplicas, replicaPlan, MAX_REPLICAS, PORT_STEP };
