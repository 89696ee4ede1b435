import type {
  CalendarEntity,
  CalendarRepository,
  DowntimeRecordRepository,
  JobFact,
  JobRepository,
  LiveStatusRepository,
  MachineEntity,
  MachineRepository,
  StopFact,
  StoredShift,
} from '@shopfloor/analytics/data-access';
import type { AnalyticsCache, CacheScope } from '../src/cache/analytics-cache';
import type { CachedAnswerKind } from '../src/cache/analytics-cache.metrics';
import { CachedAnswer } from '../src/cache/cached-answer';
import { CalendarsService } from '../src/calendars/calendars.service';
import type { AnalyticsEnv } from '../src/config/analytics.env';
import { PeriodFactsLoader } from '../src/period-facts/period-facts.loader';

/**
 * In-memory stand-ins for the analytics repositories and cache, for unit tests of the services: each implements only
 * the methods the services call, and reads its rows the way the repository's SQL does (active rows only, the same
 * overlap rule, the same order), so a service under test sees what it would see from Postgres.
 */

/** A machine as a test writes it; omitted fields take plain defaults. */
export interface MachineSeed {
  machineId: string;
  name?: string;
  type?: string;
  location?: string | null;
  deleted?: boolean;
}

export class FakeMachineRepository implements Pick<MachineRepository, 'existsActive' | 'findActive' | 'activeIds' | 'findActiveMany'> {
  readonly rows: MachineEntity[] = [];

  add(...seeds: MachineSeed[]): this {
    for (const seed of seeds) {
      this.rows.push({
        machineId: seed.machineId,
        name: seed.name ?? seed.machineId,
        type: seed.type ?? 'LATHE',
        location: seed.location ?? null,
        installationDate: null,
        specifications: null,
        sourceUpdatedAt: new Date(0),
        syncedAt: new Date(0),
        deletedAt: seed.deleted ? new Date(0) : null,
      });
    }
    return this;
  }

  async existsActive(machineId: string): Promise<boolean> {
    return this.active().some((m) => m.machineId === machineId);
  }

  async findActive(machineId: string): Promise<MachineEntity | null> {
    return this.active().find((m) => m.machineId === machineId) ?? null;
  }

  async activeIds(filter: { type?: string; location?: string; machineIds?: string[] } = {}): Promise<string[]> {
    return this.active()
      .filter(
        (m) =>
          (!filter.type || m.type === filter.type) &&
          (!filter.location || m.location === filter.location) &&
          (!filter.machineIds || filter.machineIds.includes(m.machineId)),
      )
      .map((m) => m.machineId);
  }

  async findActiveMany(machineIds: string[]): Promise<MachineEntity[]> {
    return this.active().filter((m) => machineIds.includes(m.machineId));
  }

  private active(): MachineEntity[] {
    return this.rows.filter((m) => m.deletedAt === null).sort((a, b) => a.machineId.localeCompare(b.machineId));
  }
}

export class FakeJobRepository implements Pick<JobRepository, 'findFactsOverlapping'> {
  readonly facts: JobFact[] = [];

  add(...facts: JobFact[]): this {
    this.facts.push(...facts);
    return this;
  }

  /** Started before `to`, not ended by `from` (a running job has no end). */
  async findFactsOverlapping(machineIds: string[], from: Date, to: Date): Promise<JobFact[]> {
    return this.facts
      .filter((j) => machineIds.includes(j.machineId) && j.start < to.getTime() && (j.end === null || j.end > from.getTime()))
      .sort((a, b) => a.machineId.localeCompare(b.machineId) || a.start - b.start);
  }
}

export class FakeDowntimeRecordRepository implements Pick<DowntimeRecordRepository, 'findFactsOverlapping'> {
  readonly facts: StopFact[] = [];

  add(...facts: StopFact[]): this {
    this.facts.push(...facts);
    return this;
  }

  /** Started before `to`, ended after `from`. */
  async findFactsOverlapping(machineIds: string[], from: Date, to: Date): Promise<StopFact[]> {
    return this.facts
      .filter((s) => machineIds.includes(s.machineId) && s.start < to.getTime() && s.start + s.durationSeconds * 1000 > from.getTime())
      .sort((a, b) => a.machineId.localeCompare(b.machineId) || a.start - b.start);
  }
}

export class FakeCalendarRepository implements Pick<CalendarRepository, 'findMany'> {
  readonly rows = new Map<string, CalendarEntity>();

  put(calendarId: string, timezone: string, shifts: StoredShift[]): this {
    this.rows.set(calendarId, { calendarId, timezone, shifts, updatedAt: new Date(0) });
    return this;
  }

  async findMany(calendarIds: string[]): Promise<Map<string, CalendarEntity>> {
    return new Map(calendarIds.flatMap((id) => (this.rows.has(id) ? [[id, this.rows.get(id) as CalendarEntity] as const] : [])));
  }
}

/** What a service asked of the cache. */
export interface CacheRequest {
  kind: CachedAnswerKind;
  request: unknown;
  scope: CacheScope;
  cached: boolean;
}

/** The cache's contract without Redis: one stored answer per kind and request, kept as JSON text like Redis keeps it. */
export class FakeAnalyticsCache implements Pick<AnalyticsCache, 'getOrCompute'> {
  readonly requests: CacheRequest[] = [];
  private readonly entries = new Map<string, string>();

  async getOrCompute<T>(
    kind: CachedAnswerKind,
    request: unknown,
    scope: CacheScope,
    _now: number,
    compute: () => Promise<T>,
  ): Promise<{ answer: CachedAnswer<T>; cached: boolean }> {
    const key = `${kind}:${JSON.stringify(request)}`;
    const hit = this.entries.get(key);
    this.requests.push({ kind, request, scope, cached: hit !== undefined });
    if (hit !== undefined) return { answer: new CachedAnswer<T>(hit), cached: true };
    const answer = CachedAnswer.of(await compute());
    this.entries.set(key, answer.json);
    return { answer, cached: false };
  }

  clear(): void {
    this.entries.clear();
  }
}

/** The live status statements the sweep makes, as mocks: each answers no rows until a test says otherwise. */
export function liveStatusRepositoryMock(): jest.Mocked<Pick<LiveStatusRepository, 'markSilent' | 'claimLongStops' | 'list'>> {
  return { markSilent: jest.fn().mockResolvedValue([]), claimLongStops: jest.fn().mockResolvedValue([]), list: jest.fn().mockResolvedValue([]) };
}

/** The fakes of one test, and the real period-facts loader and calendars service over them. */
export interface AnalyticsFakes {
  machines: FakeMachineRepository;
  jobs: FakeJobRepository;
  stops: FakeDowntimeRecordRepository;
  calendarRows: FakeCalendarRepository;
  cache: FakeAnalyticsCache;
  env: AnalyticsEnv;
  calendars: CalendarsService;
  loader: PeriodFactsLoader;
  /** The fakes typed as what the services' constructors take. */
  as: { machines: MachineRepository; cache: AnalyticsCache };
}

export function analyticsFakes(microStopSeconds = 120): AnalyticsFakes {
  const machines = new FakeMachineRepository();
  const jobs = new FakeJobRepository();
  const stops = new FakeDowntimeRecordRepository();
  const calendarRows = new FakeCalendarRepository();
  const cache = new FakeAnalyticsCache();
  const env = { OEE_MICRO_STOP_SECONDS: microStopSeconds } as AnalyticsEnv;
  const as = { machines: machines as unknown as MachineRepository, cache: cache as unknown as AnalyticsCache };
  const calendars = new CalendarsService(calendarRows as unknown as CalendarRepository, as.machines, as.cache);
  const loader = new PeriodFactsLoader(as.machines, jobs as unknown as JobRepository, stops as unknown as DowntimeRecordRepository, calendars, env);
  return { machines, jobs, stops, calendarRows, cache, env, calendars, loader, as };
}

const at = (iso: string): number => Date.parse(iso);

/**
 * Monday 2026-11-02, the day of the worked example of oee.com on two machines:
 *
 * - M-1 (LATHE, Hall 2) on its own calendar, Europe/Berlin, early shift Mon–Fri 06:00–14:00 (05:00–13:00 UTC): one
 *   job over the shift with ideal cycle 1 s, 19,271 parts of which 423 scrap; breaks 07:00–07:30 and 10:00–10:30 UTC,
 *   a 47 min SPINDLE breakdown from 08:00 UTC. Planned production 480 − 60 = 420 min = 25,200 s, run 420 − 47 =
 *   373 min = 22,380 s: availability 373/420 = 0.888095, performance 19,271/22,380 = 0.861081, quality
 *   18,848/19,271 = 0.978050, OEE 0.747937.
 * - M-2 (MILL, Hall 1) with no calendar anywhere, so planned around the clock: one job over the whole day with ideal
 *   cycle 30 s, 2,000 parts of which 100 scrap; a 2 h COOLANT breakdown from 10:00 UTC and a 60 s JAM at 15:00 UTC,
 *   shorter than the 120 s micro-stop threshold, so a small stop inside run time. Planned 86,400 s, run 86,400 −
 *   7,200 = 79,200 s: availability 11/12 = 0.916667, performance 60,000/79,200 = 0.757576, quality 0.95, OEE 0.659722.
 */
export function seedWorkedExample(fakes: AnalyticsFakes): void {
  fakes.machines.add(
    { machineId: 'M-1', name: 'DMG Mori NLX 2500', type: 'LATHE', location: 'Hall 2' },
    { machineId: 'M-2', name: 'Hermle C42', type: 'MILL', location: 'Hall 1' },
  );
  fakes.calendarRows.put('M-1', 'Europe/Berlin', [{ name: 'early', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '06:00', end: '14:00' }]);
  fakes.jobs.add(
    { machineId: 'M-1', start: at('2026-11-02T05:00:00Z'), end: at('2026-11-02T13:00:00Z'), idealCycleTime: 1, partsProduced: 19_271, partsScrapped: 423 },
    { machineId: 'M-2', start: at('2026-11-01T23:00:00Z'), end: at('2026-11-02T23:00:00Z'), idealCycleTime: 30, partsProduced: 2_000, partsScrapped: 100 },
  );
  fakes.stops.add(
    { machineId: 'M-1', start: at('2026-11-02T07:00:00Z'), durationSeconds: 30 * 60, downtimeType: 'BREAK', reasonCode: null },
    { machineId: 'M-1', start: at('2026-11-02T10:00:00Z'), durationSeconds: 30 * 60, downtimeType: 'BREAK', reasonCode: null },
    { machineId: 'M-1', start: at('2026-11-02T08:00:00Z'), durationSeconds: 47 * 60, downtimeType: 'BREAKDOWN', reasonCode: 'SPINDLE' },
    { machineId: 'M-2', start: at('2026-11-02T10:00:00Z'), durationSeconds: 7_200, downtimeType: 'BREAKDOWN', reasonCode: 'COOLANT' },
    { machineId: 'M-2', start: at('2026-11-02T15:00:00Z'), durationSeconds: 60, downtimeType: 'JAM', reasonCode: 'JAM' },
  );
}

/** The worked example's day in Berlin, [2026-11-01T23:00Z, 2026-11-02T23:00Z), and a `now` well after it. */
export const WORKED_DAY = { from: '2026-11-02T00:00:00+01:00', to: '2026-11-03T00:00:00+01:00' };
export const AFTER_WORKED_DAY = new Date('2026-11-10T12:00:00Z');
