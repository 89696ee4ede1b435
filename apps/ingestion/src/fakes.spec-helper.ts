import { validateEnv } from '@shopfloor/config';
import { DomainError, SHOPFLOOR_ENTITIES, type DeadLetterSummary, type ShopfloorEntity } from '@shopfloor/contracts';
import {
  mergeRanges,
  rangesOf,
  subtractRanges,
  type BatchOutcome,
  type IdRange,
  type NewSyncRun,
  type QuarantineEntry,
  type SyncRunEntity,
  type SyncRunRepository,
  type SyncStateRepository,
  type Watermark,
} from '@shopfloor/ingestion/data-access';
import type { JetStreamService } from '@shopfloor/nats';
import type { RowDataPacket } from 'mysql2';
import type { PubAck } from 'nats';
import { IngestionEnv } from './config/ingestion.env';
import type { DeadLetterStore } from './dead-letters/dead-letter.store';
import type { CircuitState } from './source/circuit-breaker';
import type { SourceColumn } from './source/mapping-check';
import type { SourceDatabase } from './source/source-database';
import { COMPATIBLE_TYPES, ENTITY_SPECS } from './source/source-fields';
import { defaultMapping } from './source/source-mapping';
import type { SourceMappingProvider } from './source/source-mapping.provider';
import { DEFAULT_PLAUSIBILITY, type SourceRow } from './sync/record-validation';
import type { SyncRunnerDeps } from './sync/sync-runner';
import { SyncService } from './sync/sync.service';
import type { SyncMetrics } from './sync/sync.metrics';

/*
 * In-memory stand-ins for what the sync reads and writes (the CIMCO source, the sync state and runs in PostgreSQL,
 * JetStream), so the sync's rules are tested in milliseconds. The source answers the queries source-queries.ts
 * writes for the default mapping (tables and columns named as the canonical fields); anything else is an error.
 */

/** The DomainError a call rejects with; fails the test if it resolves or rejects with anything else. */
export async function domainErrorOf(call: Promise<unknown>): Promise<DomainError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

export class FakeSource implements Pick<SourceDatabase, 'configured' | 'circuit' | 'isReachable' | 'query' | 'columns'> {
  readonly tables: Record<ShopfloorEntity, SourceRow[]> = { machines: [], jobs: [], downtime_records: [], machine_events: [], machine_readings: [] };
  /** The source server's own UTC clock, as UTC_TIMESTAMP(3) answers it. */
  now = '2026-03-01 10:00:00.000';
  /** Every query in the order it came, with the wall time it came at. */
  readonly queries: { sql: string; at: number }[] = [];
  configured = true;
  circuit: CircuitState = 'closed';
  isReachable = true;
  /** information_schema as the mapping check reads it: by default exactly what the default mapping names. */
  columnList: SourceColumn[] = SHOPFLOOR_ENTITIES.flatMap((entity) =>
    Object.entries(ENTITY_SPECS[entity].fields).map(([column, kind]) => ({ table: entity, column, dataType: COMPATIBLE_TYPES[kind][0] })),
  );
  /** Runs before a query is answered: a test fails it (by throwing), holds it, or changes the source meanwhile. */
  beforeAnswer: (sql: string) => void | Promise<void> = () => undefined;

  async query<T extends RowDataPacket>(sql: string): Promise<T[]> {
    this.queries.push({ sql, at: Date.now() });
    await this.beforeAnswer(sql);
    return this.answer(sql) as T[];
  }

  async columns(): Promise<SourceColumn[]> {
    return this.columnList;
  }

  /** The queries whose text contains `part`. */
  queriesWith(part: string): { sql: string; at: number }[] {
    return this.queries.filter((q) => q.sql.includes(part));
  }

  private answer(sql: string): Record<string, unknown>[] {
    if (sql === 'SELECT UTC_TIMESTAMP(3) AS now') return [{ now: this.now }];
    let m = /^SELECT MAX\(`t`\.`\w+`\) AS m FROM `(\w+)` AS t$/.exec(sql);
    if (m) {
      const entity = entityOf(m[1]);
      const ids = this.tables[entity].map((row) => Number(row[ENTITY_SPECS[entity].key]));
      return [{ m: ids.length === 0 ? null : Math.max(...ids) }];
    }
    if (sql === 'SELECT `machine_id` AS machine_id FROM `machines`') return this.tables.machines.map((row) => ({ machine_id: row['machine_id'] }));
    m = /^SELECT COUNT\(\*\) AS n FROM `(\w+)` AS t(?: (WHERE .*))?$/.exec(sql);
    if (m) return [{ n: this.after(entityOf(m[1]), m[2]).length }];
    m = /^SELECT .* FROM `(\w+)` AS t(?: (WHERE .*?))? ORDER BY .* LIMIT (\d+)$/.exec(sql);
    if (m)
      return this.after(entityOf(m[1]), m[2])
        .slice(0, Number(m[3]))
        .map((row) => ({ ...row }));
    const existing = /^SELECT `(\w+)` AS k FROM `(\w+)` WHERE `\w+` IN \((.*)\)$/.exec(sql);
    if (existing) {
      const [, key, table, list] = existing;
      const wanted = new Set(list.split(', ').map((k) => k.replace(/^'|'$/g, '')));
      return this.tables[entityOf(table)].filter((row) => wanted.has(String(row[key]))).map((row) => ({ k: row[key] }));
    }
    const inRange = /^SELECT `(\w+)` AS k FROM `(\w+)` WHERE `\w+` BETWEEN (\d+) AND (\d+) ORDER BY `\w+`$/.exec(sql);
    if (inRange) {
      const [, key, table, from, to] = inRange;
      return sorted(entityOf(table), this.tables[entityOf(table)])
        .filter((row) => Number(row[key]) >= Number(from) && Number(row[key]) <= Number(to))
        .map((row) => ({ k: row[key] }));
    }
    throw new Error(`The fake source does not know this query: ${sql}`);
  }

  /** The entity's rows a WHERE clause of source-queries.ts selects, in keyset order. */
  private after(entity: ShopfloorEntity, where: string | undefined): SourceRow[] {
    const spec = ENTITY_SPECS[entity];
    const rows = sorted(entity, this.tables[entity]);
    if (!where) return rows;
    if (where === 'WHERE 1 = 0') return [];
    if (spec.sync === 'append') {
      const from = /> (\d+)/.exec(where);
      const upTo = /<= (\d+)/.exec(where);
      return rows.filter((row) => (!from || Number(row[spec.key]) > Number(from[1])) && (!upTo || Number(row[spec.key]) <= Number(upTo[1])));
    }
    const upper = /`updated_at` <= '([^']*)'/.exec(where)?.[1];
    const cursor = /`updated_at` > '([^']*)' OR .* > '([^']*)'\)\)$/.exec(where);
    return rows.filter((row) => {
      const updated = String(row['updated_at']);
      const key = String(row[spec.key]);
      if (upper !== undefined && updated > upper) return false;
      return !cursor || updated > cursor[1] || (updated === cursor[1] && key > cursor[2]);
    });
  }
}

function entityOf(table: string): ShopfloorEntity {
  if (!(SHOPFLOOR_ENTITIES as readonly string[]).includes(table)) throw new Error(`The fake source has no table ${table}`);
  return table as ShopfloorEntity;
}

function sorted(entity: ShopfloorEntity, rows: SourceRow[]): SourceRow[] {
  const { key, sync } = ENTITY_SPECS[entity];
  if (sync === 'append') return [...rows].sort((a, b) => Number(a[key]) - Number(b[key]));
  const order = (row: SourceRow): string => `${String(row['updated_at'])}\u0000${String(row[key])}`;
  return [...rows].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/** The platform-wide sync lock, shared by the fakes of several replicas. */
export class FakeLock {
  held = false;
}

type SyncStateFake = Pick<
  SyncStateRepository,
  'watermarks' | 'commitBatch' | 'forgetQuarantined' | 'publishedKeys' | 'publishedIdRanges' | 'forgetPublished' | 'tryAcquireSyncLock' | 'downstreamRejections'
>;

export class FakeSyncState implements SyncStateFake {
  readonly stored = new Map<string, Watermark>();
  readonly commits: BatchOutcome[] = [];
  /** By entity, primary key and rejecter, as the quarantine table keeps them. */
  readonly quarantine = new Map<string, QuarantineEntry>();
  readonly keys = new Map<string, Set<string>>();
  readonly ids = new Map<string, IdRange[]>();
  /** Runs before a batch is committed (fail it by throwing). */
  beforeCommit: (outcome: BatchOutcome) => void | Promise<void> = () => undefined;

  constructor(
    private readonly journal: string[] = [],
    readonly lock = new FakeLock(),
  ) {}

  async watermarks(): Promise<Map<string, Watermark>> {
    return new Map([...this.stored].map(([entity, w]) => [entity, { ...w }]));
  }

  async commitBatch(outcome: BatchOutcome): Promise<void> {
    await this.beforeCommit(outcome);
    this.journal.push(`commit ${outcome.entity}`);
    this.commits.push(outcome);
    if (outcome.watermark) this.stored.set(outcome.entity, { ...outcome.watermark });
    if ('keys' in outcome.published) for (const k of outcome.published.keys) this.keySet(outcome.entity).add(k);
    else this.ids.set(outcome.entity, mergeRanges([...(this.ids.get(outcome.entity) ?? []), ...rangesOf(outcome.published.ids)]));
    for (const k of outcome.validKeys) this.quarantine.delete(`${outcome.entity}\u0000${k}\u0000ingestion`);
    for (const q of outcome.quarantined) this.quarantine.set(`${q.entity}\u0000${q.primaryKey}\u0000${q.rejectedBy}`, q);
  }

  async forgetQuarantined(entity: string, stillAtSource: (primaryKey: string) => boolean): Promise<number> {
    const gone = [...this.quarantine.entries()].filter(([, q]) => q.entity === entity && !stillAtSource(q.primaryKey));
    for (const [key] of gone) this.quarantine.delete(key);
    return gone.length;
  }

  async publishedKeys(entity: string): Promise<string[]> {
    return [...this.keySet(entity)];
  }

  async publishedIdRanges(entity: string): Promise<IdRange[]> {
    return this.ids.get(entity) ?? [];
  }

  async forgetPublished(entity: string, removed: { keys: string[] } | { ranges: IdRange[] }): Promise<void> {
    if ('keys' in removed) for (const k of removed.keys) this.keySet(entity).delete(k);
    else this.ids.set(entity, subtractRanges(this.ids.get(entity) ?? [], mergeRanges(removed.ranges)));
  }

  async tryAcquireSyncLock(): Promise<(() => Promise<void>) | null> {
    if (this.lock.held) return null;
    this.lock.held = true;
    return async () => {
      this.lock.held = false;
    };
  }

  async downstreamRejections(): Promise<Record<string, number>> {
    return {};
  }

  /** The ingestion's quarantine entries of an entity, by primary key. */
  quarantined(entity: string): Map<string, QuarantineEntry> {
    return new Map([...this.quarantine.values()].filter((q) => q.entity === entity).map((q) => [q.primaryKey, q]));
  }

  private keySet(entity: string): Set<string> {
    const set = this.keys.get(entity) ?? new Set<string>();
    this.keys.set(entity, set);
    return set;
  }
}

export interface PublishedMessage {
  subject: string;
  messageId: string | undefined;
  payload: { sync_id?: string; records?: Record<string, unknown>[]; keys?: string[]; entity?: string };
}

export class FakeJetStream implements Pick<JetStreamService, 'publish' | 'publishEncoded' | 'maxPayload'> {
  maxPayload = 1024 * 1024;
  readonly messages: PublishedMessage[] = [];
  /** Runs before a message is acknowledged (fail it by throwing, hold it by waiting). */
  beforeAck: (subject: string) => void | Promise<void> = () => undefined;

  constructor(private readonly journal: string[] = []) {}

  async publishEncoded(subject: string, data: Uint8Array, messageId?: string): Promise<PubAck> {
    return this.publish(subject, JSON.parse(new TextDecoder().decode(data)), messageId);
  }

  async publish(subject: string, payload: unknown, messageId?: string): Promise<PubAck> {
    await this.beforeAck(subject);
    this.messages.push({ subject, messageId, payload: payload as PublishedMessage['payload'] });
    this.journal.push(`publish ${subject}`);
    return { stream: 'SHOPFLOOR', seq: this.messages.length, duplicate: false };
  }

  /** Every record published on a subject, in order. */
  records(subject: string): Record<string, unknown>[] {
    return this.messages.filter((m) => m.subject === subject).flatMap((m) => m.payload.records ?? []);
  }
}

type SyncRunsFake = Pick<SyncRunRepository, 'start' | 'recordProgress' | 'finish' | 'latest' | 'latestSucceeded' | 'running' | 'failAbandoned'>;

export class FakeSyncRuns implements SyncRunsFake {
  readonly all: SyncRunEntity[] = [];
  private readonly waiting: { id: string; resolve: (run: SyncRunEntity) => void }[] = [];

  async start(run: NewSyncRun): Promise<SyncRunEntity> {
    const now = new Date();
    const entity: SyncRunEntity = {
      id: run.id,
      mode: run.mode,
      trigger: run.trigger,
      runner: run.runner,
      state: 'running',
      startedAt: now,
      heartbeatAt: now,
      finishedAt: null,
      progress: 0,
      counts: { ...run.emptyCounts },
      deleted: { ...run.emptyCounts },
      rejected: 0,
      error: null,
      errorCode: null,
    };
    this.all.push(entity);
    return entity;
  }

  async recordProgress(id: string, progress: number, counts: Record<string, number>, deleted: Record<string, number>, rejected: number): Promise<void> {
    Object.assign(this.get(id), { progress, counts: { ...counts }, deleted: { ...deleted }, rejected, heartbeatAt: new Date() });
  }

  async finish(id: string, state: 'succeeded' | 'failed', error: string | null, errorCode: string | null = null): Promise<void> {
    const run = Object.assign(this.get(id), { state, error, errorCode, finishedAt: new Date(), ...(state === 'succeeded' ? { progress: 1 } : {}) });
    for (const w of this.waiting.filter((x) => x.id === id)) w.resolve(run);
  }

  async latest(): Promise<SyncRunEntity | null> {
    return this.all.at(-1) ?? null;
  }

  async latestSucceeded(): Promise<SyncRunEntity | null> {
    return this.all.filter((r) => r.state === 'succeeded').at(-1) ?? null;
  }

  async running(): Promise<SyncRunEntity | null> {
    return this.all.filter((r) => r.state === 'running').at(-1) ?? null;
  }

  async failAbandoned(heartbeatBefore: Date): Promise<number> {
    const abandoned = this.all.filter((r) => r.state === 'running' && r.heartbeatAt < heartbeatBefore);
    for (const r of abandoned) Object.assign(r, { state: 'failed', errorCode: 'SYNC_INTERRUPTED', finishedAt: new Date() });
    return abandoned.length;
  }

  /** Resolves with the run once it has finished (succeeded or failed). */
  async ended(id: string): Promise<SyncRunEntity> {
    const run = this.get(id);
    if (run.state !== 'running') return run;
    return new Promise((resolve) => this.waiting.push({ id, resolve }));
  }

  private get(id: string): SyncRunEntity {
    const run = this.all.find((r) => r.id === id);
    if (!run) throw new Error(`no run ${id}`);
    return run;
  }
}

/** The ingestion environment with the given variables (strings, as the process environment has them). */
export function ingestionEnv(variables: Record<string, string> = {}): IngestionEnv {
  return validateEnv(IngestionEnv, { DATABASE_URL: 'postgres://ingestion@127.0.0.1:5432/shopfloor', SYNC_SAFETY_LAG_MS: '0', ...variables });
}

/** A sync runner's dependencies on fresh fakes; `journal` records publishes and commits in the order they happen. */
export function fakeRunnerDeps(overrides: Partial<SyncRunnerDeps> = {}): {
  deps: SyncRunnerDeps;
  source: FakeSource;
  state: FakeSyncState;
  jetStream: FakeJetStream;
  journal: string[];
} {
  const journal: string[] = [];
  const source = new FakeSource();
  const state = new FakeSyncState(journal);
  const jetStream = new FakeJetStream(journal);
  const deps: SyncRunnerDeps = {
    source: source as unknown as SourceDatabase,
    state: state as unknown as SyncStateRepository,
    jetStream: jetStream as unknown as JetStreamService,
    mapping: defaultMapping(),
    batchSize: 1000,
    pageSize: 5000,
    lagMs: 0,
    onProgress: async () => undefined,
    onCommitted: () => undefined,
    stopping: () => false,
    plausibility: DEFAULT_PLAUSIBILITY,
    eventStates: {},
    ...overrides,
  };
  return { deps, source, state, jetStream, journal };
}

export interface SyncServiceFixture {
  service: SyncService;
  source: FakeSource;
  state: FakeSyncState;
  runs: FakeSyncRuns;
  jetStream: FakeJetStream;
  metrics: jest.Mocked<Pick<SyncMetrics, 'committed' | 'runEnded'>>;
  deadLetters: jest.Mocked<Pick<DeadLetterStore, 'summary'>>;
}

/** A sync service on fresh fakes; replicas made with the same `shared` fakes share the lock, the runs and the state. */
export function fakeSyncService(
  variables: Record<string, string> = {},
  shared: Partial<Pick<SyncServiceFixture, 'source' | 'state' | 'runs' | 'jetStream'>> = {},
): SyncServiceFixture {
  const source = shared.source ?? new FakeSource();
  const state = shared.state ?? new FakeSyncState();
  const runs = shared.runs ?? new FakeSyncRuns();
  const jetStream = shared.jetStream ?? new FakeJetStream();
  const metrics = { committed: jest.fn(), runEnded: jest.fn() };
  const deadLetters = { summary: jest.fn(async (): Promise<DeadLetterSummary> => ({})) };
  const env = ingestionEnv(variables);
  const mapping: SourceMappingProvider = { mapping: defaultMapping(env.CIMCO_TIMEZONE) };
  const service = new SyncService(
    env,
    source as unknown as SourceDatabase,
    mapping,
    runs as unknown as SyncRunRepository,
    state as unknown as SyncStateRepository,
    jetStream as unknown as JetStreamService,
    deadLetters as unknown as DeadLetterStore,
    metrics as unknown as SyncMetrics,
  );
  return { service, source, state, runs, jetStream, metrics, deadLetters };
}

/** Source rows of the default layout that pass every check (times are wall time of the source zone). */
export const sourceRows = {
  machine: (machine_id: string, updated_at = '2026-01-15 08:30:00.000', overrides: SourceRow = {}): SourceRow => ({
    machine_id,
    name: 'DMG Mori DMU 50',
    type: 'MILL',
    location: 'Hall A',
    installation_date: '2019-05-01 00:00:00',
    specifications: '{"axes":5}',
    updated_at,
    ...overrides,
  }),
  job: (job_id: string, machine_id: string, updated_at = '2026-01-15 08:00:01.500', overrides: SourceRow = {}): SourceRow => ({
    job_id,
    machine_id,
    part_number: 'P-4711',
    start_time: '2026-01-15 06:00:00',
    end_time: '2026-01-15 08:00:00',
    state: 'COMPLETED',
    operator_id: 'OP-7',
    setup_time: 900,
    cycle_time: 61.5,
    ideal_cycle_time: 55,
    parts_produced: 100,
    parts_scrapped: 3,
    updated_at,
    ...overrides,
  }),
  event: (event_id: number, machine_id: string, overrides: SourceRow = {}): SourceRow => ({
    event_id,
    machine_id,
    event_time: '2026-01-15 06:00:00.250',
    state: 'RUNNING',
    reason_code: null,
    job_id: null,
    part_count: 120,
    ...overrides,
  }),
  reading: (reading_id: number, machine_id: string, overrides: SourceRow = {}): SourceRow => ({
    reading_id,
    machine_id,
    reading_time: '2026-01-15 06:00:05',
    metric: 'spindle_load',
    value: 42.5,
    unit: '%',
    ...overrides,
  }),
};
