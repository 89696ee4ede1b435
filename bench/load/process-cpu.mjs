// CPU seconds of given processes, read from /proc, so that a load step can say where the machine's time went.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

function statOf(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const close = stat.lastIndexOf(')');
  const fields = stat.slice(close + 2).split(' ');
  return { comm: stat.slice(stat.indexOf('(') + 1, close), ppid: Number(fields[1]), seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
}

function cmdlineOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

const pids = () => readdirSync('/proc').filter((d) => /^\d+$/.test(d));

/** The first process whose program name is `comm` and whose command line contains `needle` (e.g. its port). */
export function findProcess(comm, needle) {
  for (const pid of pids()) {
    try {
      if (statOf(pid).comm === comm && cmdlineOf(pid).includes(needle)) return Number(pid);
    } catch {
      // ended meanwhile
    }
  }
  return undefined;
}

/**
 * PostgreSQL backends serving one database: their title names it ("postgres: role database host(port) state").
 * The services keep pooled connections, so the same backends live through a step; a backend that ends within a step
 * takes its time with it (an undercount, said in the output).
 */
export function postgresBackendsOf(database) {
  return pids()
    .filter((pid) => {
      try {
        return statOf(pid).comm === 'postgres' && cmdlineOf(pid).includes(` ${database} `);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** CPU seconds so far per named group of pids (a group's pids are summed; ended processes count 0). */
export function cpuSeconds(groups) {
  const out = {};
  for (const [name, list] of Object.entries(groups)) {
    out[name] = 0;
    for (const pid of list) {
      try {
        out[name] += statOf(pid).seconds;
      } catch {
        // ended
      }
    }
  }
  return out;
}

export function cpuDiff(before, after) {
  return Object.fromEntries(Object.keys(after).map((name) => [name, after[name] - (before[name] ?? 0)]));
}
