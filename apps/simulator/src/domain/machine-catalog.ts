import { SeededRandom, deriveSeed } from '@shopfloor/util';
import type { ShiftPatternName } from './shift-calendar';

export const MACHINE_TYPES = ['MILL', 'LATHE', '5AXIS', 'GRINDER', 'EDM'] as const;
export type MachineType = (typeof MACHINE_TYPES)[number];

type Range = readonly [min: number, max: number];

/** What a machine type does and how it behaves; ranges are drawn per machine or per part. */
export interface MachineTypeProfile {
  readonly type: MachineType;
  readonly label: string;
  readonly hall: string;
  readonly shiftPattern: ShiftPatternName;
  readonly models: readonly string[];
  readonly controllers: readonly string[];
  readonly maxRpm: Range;
  readonly axes: readonly number[];
  readonly powerKw: Range;
  readonly standbyKw: Range;
  /** Standard seconds per part. */
  readonly idealCycleS: Range;
  /** Median setup (new fixture and tools) and changeover (same fixture family) in seconds. */
  readonly setupMedianS: number;
  readonly changeoverMedianS: number;
  /** Median run time of one job (hours), from which the lot size follows. */
  readonly jobRunMedianH: number;
  /** Cutting minutes the monitored tool set (inserts, grinding wheel between dressings, wire spool) lasts. */
  readonly toolLifeMin: Range;
  /** Spindle load while cutting (%). */
  readonly cuttingLoadPct: Range;
  /** Vibration velocity while cutting with a fresh tool and a fresh machine (mm/s RMS; ISO 10816-3 zone A/B). */
  readonly baseVibrationMmS: Range;
  /** Micro-stops relative to the shop average (a lathe's bar feeder jams more, wire EDM runs quietly). */
  readonly microStopFactor: number;
  /** Scrap probability per part with a sharp tool. */
  readonly baseScrapRate: number;
  /** Precision machines stay powered over idle nights and weekends for thermal stability. */
  readonly keepsWarm: boolean;
  readonly partFamilies: readonly string[];
}

export const MACHINE_TYPE_PROFILES: Readonly<Record<MachineType, MachineTypeProfile>> = {
  MILL: {
    type: 'MILL',
    label: 'Mill',
    hall: 'Hall A',
    shiftPattern: 'THREE_SHIFT',
    models: ['VMC-850', 'VMC-1100', 'HMC-500'],
    controllers: ['Heidenhain TNC 640', 'Siemens 840D sl', 'Fanuc 31i-B'],
    maxRpm: [8000, 15000],
    axes: [3, 4],
    powerKw: [15, 30],
    standbyKw: [1.2, 2.5],
    idealCycleS: [90, 900],
    setupMedianS: 45 * 60,
    changeoverMedianS: 15 * 60,
    jobRunMedianH: 10,
    toolLifeMin: [180, 480],
    cuttingLoadPct: [35, 70],
    baseVibrationMmS: [1.4, 2.2],
    microStopFactor: 1,
    baseScrapRate: 0.008,
    keepsWarm: false,
    partFamilies: ['HSG', 'BRK', 'PLT', 'FLG'],
  },
  LATHE: {
    type: 'LATHE',
    label: 'Lathe',
    hall: 'Hall B',
    shiftPattern: 'TWO_SHIFT',
    models: ['TL-400', 'TL-600 Y', 'SL-250 bar'],
    controllers: ['Fanuc 0i-TF', 'Siemens 828D', 'Mazatrol SmoothG'],
    maxRpm: [3500, 6000],
    axes: [2, 3],
    powerKw: [11, 26],
    standbyKw: [1, 2],
    idealCycleS: [45, 400],
    setupMedianS: 35 * 60,
    changeoverMedianS: 12 * 60,
    jobRunMedianH: 8,
    toolLifeMin: [120, 360],
    cuttingLoadPct: [30, 65],
    baseVibrationMmS: [1.2, 2],
    microStopFactor: 1.4,
    baseScrapRate: 0.007,
    keepsWarm: false,
    partFamilies: ['SFT', 'BSH', 'PIN', 'NUT'],
  },
  '5AXIS': {
    type: '5AXIS',
    label: '5-axis',
    hall: 'Hall A',
    shiftPattern: 'THREE_SHIFT',
    models: ['5X-650 U', '5X-800 trunnion'],
    controllers: ['Heidenhain TNC 640', 'Siemens 840D sl'],
    maxRpm: [15000, 24000],
    axes: [5],
    powerKw: [20, 35],
    standbyKw: [1.8, 3],
    idealCycleS: [600, 3600],
    setupMedianS: 75 * 60,
    changeoverMedianS: 25 * 60,
    jobRunMedianH: 16,
    toolLifeMin: [240, 600],
    cuttingLoadPct: [25, 55],
    baseVibrationMmS: [0.9, 1.6],
    microStopFactor: 0.7,
    baseScrapRate: 0.01,
    keepsWarm: true,
    partFamilies: ['IMP', 'MLD', 'BLD'],
  },
  GRINDER: {
    type: 'GRINDER',
    label: 'Grinder',
    hall: 'Hall C',
    shiftPattern: 'TWO_SHIFT',
    models: ['CG-1000 cylindrical', 'SG-600 surface'],
    controllers: ['Fanuc 31i-B', 'Siemens 840D sl'],
    maxRpm: [2000, 4500],
    axes: [2, 3],
    powerKw: [7.5, 15],
    standbyKw: [0.8, 1.5],
    idealCycleS: [60, 600],
    setupMedianS: 40 * 60,
    changeoverMedianS: 15 * 60,
    jobRunMedianH: 8,
    toolLifeMin: [480, 1200],
    cuttingLoadPct: [20, 45],
    baseVibrationMmS: [0.5, 1],
    microStopFactor: 0.9,
    baseScrapRate: 0.012,
    keepsWarm: true,
    partFamilies: ['SFT', 'BRG', 'PIN'],
  },
  EDM: {
    type: 'EDM',
    label: 'EDM',
    hall: 'Hall C',
    shiftPattern: 'TWO_SHIFT',
    models: ['WEDM-400 wire', 'SEDM-350 sinker'],
    controllers: ['Fanuc 31i-WB', 'Mitsubishi M800'],
    maxRpm: [0, 0],
    axes: [4, 5],
    powerKw: [6, 12],
    standbyKw: [0.6, 1.2],
    idealCycleS: [1800, 7200],
    setupMedianS: 50 * 60,
    changeoverMedianS: 20 * 60,
    jobRunMedianH: 20,
    toolLifeMin: [600, 1500],
    cuttingLoadPct: [40, 80],
    baseVibrationMmS: [0.2, 0.5],
    microStopFactor: 0.4,
    baseScrapRate: 0.006,
    keepsWarm: false,
    partFamilies: ['DIE', 'PNC', 'ELC'],
  },
};

/** Order in which types are assigned to machine numbers: 35 % mills, 30 % lathes, 15 % 5-axis, 10 % each else. */
const TYPE_SEQUENCE: readonly MachineType[] = [
  'MILL',
  'LATHE',
  '5AXIS',
  'GRINDER',
  'EDM',
  'MILL',
  'LATHE',
  'MILL',
  'LATHE',
  '5AXIS',
  'MILL',
  'LATHE',
  'MILL',
  'LATHE',
  '5AXIS',
  'MILL',
  'LATHE',
  'GRINDER',
  'MILL',
  'EDM',
];

export interface PartSpec {
  readonly partNumber: string;
  readonly family: string;
  readonly idealCycleS: number;
  readonly cuttingLoadPct: number;
}

export interface MachineSpec {
  readonly index: number;
  readonly machineId: string;
  readonly name: string;
  readonly profile: MachineTypeProfile;
  readonly location: string;
  /** Local calendar day (days since 1970-01-01) the machine was installed. */
  readonly installedDay: number;
  readonly specifications: {
    readonly model: string;
    readonly controller: string;
    readonly max_rpm: number;
    readonly axes: number;
    readonly power_kw: number;
  };
  readonly standbyKw: number;
  readonly baseVibrationMmS: number;
  readonly toolLifeMin: number;
  readonly parts: readonly PartSpec[];
}

const YEAR_MS = 365.25 * 86_400_000;

/** The default start of machine ids: MC-001, MC-002, ... */
export const DEFAULT_MACHINE_PREFIX = 'MC-';

/**
 * The shop: `count` machines, deterministic for a seed; installation dates lie 1–20 years before `referenceMs`.
 * Machine ids are `prefix` and a 3-digit number (job and downtime record ids start with the machine id).
 */
export function buildShop(count: number, seed: number, referenceMs: number, prefix: string = DEFAULT_MACHINE_PREFIX): MachineSpec[] {
  const perType = new Map<MachineType, number>();
  const perHall = new Map<string, number>();
  return Array.from({ length: count }, (_, index) => {
    const type = TYPE_SEQUENCE[index % TYPE_SEQUENCE.length];
    const profile = MACHINE_TYPE_PROFILES[type];
    const rng = new SeededRandom(deriveSeed(seed, 'machine', index));
    const typeNo = (perType.get(type) ?? 0) + 1;
    perType.set(type, typeNo);
    const bay = (perHall.get(profile.hall) ?? 0) + 1;
    perHall.set(profile.hall, bay);
    const machineId = `${prefix}${String(index + 1).padStart(3, '0')}`;
    // Age range of the Azure PdM fleet (PdM_machines.csv: 0–20 years).
    const installedDay = Math.floor((referenceMs - rng.uniform(1, 20) * YEAR_MS) / 86_400_000);
    const maxRpm = profile.maxRpm[1] === 0 ? 0 : Math.round(rng.uniform(...profile.maxRpm) / 500) * 500;
    const parts = Array.from({ length: rng.int(6, 12) }, (): PartSpec => {
      const family = rng.pick(profile.partFamilies);
      // Cycle times spread log-uniformly over the type's range.
      const [lo, hi] = profile.idealCycleS;
      const idealCycleS = Math.round(lo * Math.pow(hi / lo, rng.next()));
      return {
        partNumber: `${family}-${rng.int(1000, 9999)}`,
        family,
        idealCycleS,
        cuttingLoadPct: Math.round(rng.uniform(...profile.cuttingLoadPct)),
      };
    });
    return {
      index,
      machineId,
      name: `${profile.label} ${String(typeNo).padStart(2, '0')}`,
      profile,
      location: `${profile.hall}, bay ${bay}`,
      installedDay,
      specifications: {
        model: rng.pick(profile.models),
        controller: rng.pick(profile.controllers),
        max_rpm: maxRpm,
        axes: rng.pick(profile.axes),
        power_kw: Math.round(rng.uniform(...profile.powerKw) * 2) / 2,
      },
      standbyKw: Math.round(rng.uniform(...profile.standbyKw) * 100) / 100,
      baseVibrationMmS: Math.round(rng.uniform(...profile.baseVibrationMmS) * 100) / 100,
      toolLifeMin: Math.round(rng.uniform(...profile.toolLifeMin)),
      parts,
    };
  });
}
