#!/usr/bin/env node
// Where a process's CPU time went, from a V8 .cpuprofile (node --cpu-prof): self time summed per function and per
// package, optionally only over a window of the monotonic clock (µs, as process.hrtime and the profile use).
//
//   node bench/load/cpuprofile-summary.mjs tmp/profiles/CPU.<…>.cpuprofile [--top 25]
import { readFileSync } from 'node:fs';

/** The package a script belongs to: node_modules/<pkg>, node's own modules, the platform's code, or V8's pseudo-frames. */
export function packageOf(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native / V8 builtins)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:')) {
    const parts = url.slice(5).split('/');
    return parts[0] === 'internal' && parts.length > 2 ? `node:internal/${parts[1]}` : `node:${parts.join('/')}`;
  }
  // dist/apps/<service>/apps/<service>/src/… and dist/apps/<service>/libs/<lib path>/src/…
  const app = /dist\/apps\/\w+\/(apps\/[\w-]+|libs\/.+?)\/src\//.exec(url);
  if (app) return `[platform] ${app[1]}`;
  return url;
}

const NODE_HTTP = /^node:(_http_|net$|internal\/streams|internal\/stream_base|internal\/http)/;
const NODE_HTTP_AREA = 'node http + net (parsing, headers, socket writes)';

/** Coarse areas of the request path, for the header comment: which part of the stack the time belongs to. */
export function areaOf(pkg, url, functionName) {
  if (pkg === '(garbage collector)') return 'GC';
  if (pkg === '(idle)') return 'idle';
  if (pkg === '(program)') return 'V8/program (compile, ICs, runtime)';
  if (pkg === NODE_HTTP_AREA) return pkg;
  if (
    /^(express|body-parser|router|finalhandler|send|etag|fresh|on-finished|vary|cors|qs|depd|content-type|mime|mime-types|accepts|negotiator|type-is|parseurl|proxy-addr|forwarded|helmet|serve-static)$/.test(
      pkg,
    )
  )
    return 'express + middleware';
  if (pkg === '@nestjs/microservices' || pkg === 'nats' || pkg.startsWith('@nats-io')) return 'nats client (nats, @nestjs/microservices)';
  if (pkg === 'rxjs' || pkg.startsWith('@nestjs/')) return 'nest (router, guards, pipes, interceptors)';
  if (/class-validator|class-transformer|validator/.test(pkg)) return 'validation (class-validator/transformer)';
  if (/^(typeorm|pg|pg-pool|pg-protocol)$/.test(pkg)) return 'database (typeorm, pg)';
  if (pkg === 'ioredis' || pkg === 'redis-parser' || pkg === 'denque' || pkg === 'cluster-key-slot') return 'redis client (rate limit)';
  if (/jsonwebtoken|jws|jwa|jose/.test(pkg)) return 'auth (JWT)';
  if (/pino|prom-client|@opentelemetry/.test(pkg)) return 'observability (log, metrics, tracing)';
  if (pkg.startsWith('[platform]')) {
    if (/auth/.test(url)) return 'auth (platform)';
    if (/rate-limit/.test(url)) return 'rate limit (platform)';
    if (/nats/.test(url)) return 'nats (platform)';
    return 'platform code';
  }
  if (/zlib/.test(pkg) || /zlib/i.test(functionName)) return 'zlib';
  if (/JSON|stringify|parse/.test(functionName) && !url) return 'JSON (builtins)';
  if (/crypto/.test(pkg) || /crypto/.test(url)) return 'crypto';
  if (pkg.startsWith('node:')) return 'node other';
  if (pkg === '(native / V8 builtins)') return 'native / V8 builtins';
  return 'other packages';
}

/**
 * Self time (ms) per node, per function, per package and per area. `window` = { fromUs, toUs } on the monotonic
 * clock keeps only the samples taken in it (the profile's startTime and timeDeltas are on that clock).
 */
export function summarise(path, window) {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  // The nearest frame on the stack that belongs to node's HTTP and socket code, a package or the platform: node's
  // other internals and V8's builtins are charged to whoever called them (createPublicKey to jsonwebtoken, a hash
  // to etag), a socket write to node's HTTP.
  const callerOf = (id) => {
    for (let at = id; at !== undefined; at = parentOf.get(at)) {
      const { url, functionName } = nodes.get(at).callFrame;
      if (!url) continue;
      if (NODE_HTTP.test(url)) return { pkg: NODE_HTTP_AREA, url };
      if (!url.startsWith('node:')) return { pkg: packageOf(url, functionName), url };
    }
    return undefined;
  };
  const selfUs = new Map();
  let t = profile.startTime;
  let totalUs = 0;
  for (let i = 0; i < profile.samples.length; i += 1) {
    t += profile.timeDeltas[i];
    // A sample's time is the gap to the next one.
    const next = profile.timeDeltas[i + 1] ?? 0;
    if (window && (t < window.fromUs || t > window.toUs)) continue;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + next);
    totalUs += next;
  }
  const byFunction = new Map();
  const byPackage = new Map();
  const byArea = new Map();
  const byCaller = new Map();
  const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const name = functionName || '(anonymous)';
    const pkg = packageOf(url, name);
    const file = url ? url.slice(url.lastIndexOf('/') + 1) : '';
    add(byFunction, file ? `${name} (${pkg}, ${file}:${lineNumber + 1})` : `${name} (${pkg})`, us);
    add(byPackage, pkg, us);
    const caller = (!name.startsWith('(') && callerOf(id)) || { pkg, url };
    add(byCaller, caller.pkg, us);
    add(byArea, areaOf(caller.pkg, caller.url, name), us);
  }
  const sorted = (map) =>
    [...map]
      .filter(([, us]) => us > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([key, us]) => ({ key, ms: us / 1000 }));
  return { totalMs: totalUs / 1000, functions: sorted(byFunction), packages: sorted(byPackage), callers: sorted(byCaller), areas: sorted(byArea) };
}

export function formatSummary(summary, top = 20) {
  const busy = summary.totalMs - (summary.areas.find((a) => a.key === 'idle')?.ms ?? 0);
  const pct = (ms) => `${((100 * ms) / busy).toFixed(1).padStart(5)} %`;
  const lines = [`  sampled ${(summary.totalMs / 1000).toFixed(2)} s, of which busy ${(busy / 1000).toFixed(2)} s (shares below are of busy time)`];
  lines.push('  by area (node internals and builtins charged to the package that called them):');
  for (const a of summary.areas.filter((x) => x.key !== 'idle')) lines.push(`    ${pct(a.ms)}  ${a.key}`);
  lines.push('  by calling package (node internals and builtins charged to their caller):');
  for (const p of summary.callers.filter((x) => x.key !== '(idle)').slice(0, top)) lines.push(`    ${pct(p.ms)}  ${p.key}`);
  lines.push('  by package (self):');
  for (const p of summary.packages.filter((x) => x.key !== '(idle)').slice(0, top)) lines.push(`    ${pct(p.ms)}  ${p.key}`);
  lines.push('  top functions (self time):');
  for (const f of summary.functions.filter((x) => !x.key.startsWith('(idle)')).slice(0, top)) lines.push(`    ${pct(f.ms)}  ${f.key}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node bench/load/cpuprofile-summary.mjs <file.cpuprofile> [--top 25]');
    process.exit(2);
  }
  const i = process.argv.indexOf('--top');
  console.log(formatSummary(summarise(file), i >= 0 ? Number(process.argv[i + 1]) : 20));
}
