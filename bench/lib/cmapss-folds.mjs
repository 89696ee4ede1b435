// The C-MAPSS FD001 protocol of bench/ml/dataset-defaults.mjs, shared with its in-process replica
// (bench/ml/cmapss-in-process.mjs) so both score exactly the same cuts: 5 folds by engine (seeded shuffle), each
// held-out engine truncated at a cycle drawn uniformly from 30…its last cycle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './services.mjs';

export const MIN_CYCLES = 30;
/** The largest true remaining life in the official FD001 test truth: the line comparable to published figures. */
export const OFFICIAL_MAX_RUL = 145;
export const CMAPSS_SPEC = { label: 'rul', group: 'unit', order: 'cycle' };
const COLUMNS = ['unit', 'cycle', 'setting1', 'setting2', 'setting3', ...Array.from({ length: 21 }, (_, i) => `s${i + 1}`)];

/** Seeded uniform [0, 1) (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readEngines() {
  const engines = new Map();
  for (const line of readFileSync(join(root, '..', 'shared', 'data', 'cmapss', 'train_FD001.txt'), 'utf8').split('\n')) {
    const cells = line.trim().split(/\s+/);
    if (cells.length !== COLUMNS.length) continue;
    const row = Object.fromEntries(COLUMNS.map((name, i) => [name, Number(cells[i])]));
    if (!engines.has(row.unit)) engines.set(row.unit, []);
    engines.get(row.unit).push(row);
  }
  for (const rows of engines.values()) rows.sort((a, b) => a.cycle - b.cycle);
  return engines;
}

/** Each row with its true remaining life (uncapped), `rul`. */
const withRul = (rows) => {
  const last = rows[rows.length - 1].cycle;
  return rows.map((r) => ({ ...r, rul: last - r.cycle }));
};

/**
 * The folds: `testUnits`, `trainRows` (full histories with their remaining life) and `cut` (per held-out engine its
 * truncated rows and true remaining life at the cut). One generator draws the shuffle, then the cuts fold by fold.
 */
export function cmapssFolds(seed, k) {
  const engines = readEngines();
  const rand = random(seed + 100);
  const units = [...engines.keys()].sort((a, b) => a - b);
  for (let i = units.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [units[i], units[j]] = [units[j], units[i]];
  }
  return Array.from({ length: k }, (_, f) => units.filter((_, i) => i % k === f)).map((testUnits) => {
    const trainRows = units
      .filter((u) => !testUnits.includes(u))
      .sort((a, b) => a - b)
      .flatMap((u) => withRul(engines.get(u)));
    const cut = testUnits.map((u) => {
      const rows = withRul(engines.get(u));
      const last = rows[rows.length - 1].cycle;
      const at = MIN_CYCLES + Math.floor(rand() * (last - MIN_CYCLES + 1));
      return { unit: u, rows: rows.filter((r) => r.cycle <= at), rul: last - at };
    });
    return { testUnits, trainRows, cut };
  });
}
