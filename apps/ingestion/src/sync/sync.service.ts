import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  SHOPFLOOR_CONSUMERS,
  type DeadLetterSummary,
  type MappingProblem,
  type StartSyncReply,
  type SyncMode,
  type SyncRunView,
  type SyncStatusView,
} from '@shopfloor/contracts';
import { SyncRunRepository, SyncStateRepository, type SyncRunEntity } from '@shopfloor/ingestion/data-access';
import { JetStreamService } from '@shopfloor/nats';
import { PeriodicTask } from '@shopfloor/util';
import { NatsError } from 'nats';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { IngestionEnv } from '../config/ingestion.env';
import { DeadLetterStore } from '../dead-letters/dead-letter.store';
import { checkMapping } from '../source/mapping-check';
import { SourceDatabase } from '../source/source-database';
import { SourceMappingProvider } from '../source/source-mapping.provider';
import { emptyCounts, SyncInterrupted, SyncRunner, type RunTally } from './sync-runner';
import { SyncMetrics } from './sync.metrics';

const PROGRESS_WRITE_INTERVAL_MS = 1000;

/**
 * Starts syncs (on request and on a schedule), once across all replicas, and reports their state. A sync refuses
 * to start on a mapping that does not match the source, instead of half-running.
 */
@Injectable()
export class SyncService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SyncService.name);
  private current: Promise<void> | null = null;
  /** Starts between their first check and their run (or refusal), which a shutdown must wait for. */
  private readonly starting = new Set<Promise<unknown>>();
  private stopping = false;
  /** Set when a run in flight outlasts its share of the shutdown: it then ends after the batch in hand. */
  private interrupting = false;
  private schedule?: PeriodicTask;
  private mappingProblems: MappingProblem[] = [];

  constructor(
    private readonly env: IngestionEnv,
    private readonly source: SourceDatabase,
    private readonly mapping: SourceMappingProvider,
    private readonly runs: SyncRunRepository,
    private readonly state: SyncStateRepository,
    private readonly jetStream: JetStreamService,
    private readonly deadLetters: DeadLetterStore,
    private readonly metrics: SyncMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.source.configured) {
      this.logger.warn('No CIMCO source configured (CIMCO_DATABASE_URL): sync is off');
      return;
    }
    await this.checkMapping().catch((error: unknown) => this.logger.warn({ message: 'Could not check the source mapping at start', reason: String(error) }));
    if (this.env.SYNC_INTERVAL_SECONDS > 0) {
      this.schedule = new PeriodicTask(() => this.scheduledSync(), {
        intervalMs: this.env.SYNC_INTERVAL_SECONDS * 1000,
        onError: (error) => this.logger.warn({ message: 'Scheduled sync did not start', reason: error.message }),
      });
      this.schedule.start();
    }
  }

  /**
   * A stop (a rolling update, a scale-down) is not a failure: no new run starts, and a run in flight may finish
   * within half of SHUTDOWN_TIMEOUT_MS (an incremental sync takes well under that). Only a run still going then (a
   * long full sync) is interrupted after the batch in hand, and the next sync resumes from its last committed page.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.schedule?.stop();
    await Promise.allSettled([...this.starting]);
    const running = this.current;
    if (!running) return;
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      running.then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), this.env.SHUTDOWN_TIMEOUT_MS / 2))),
    ]);
    clearTimeout(timer);
    if (finished) return;
    this.logger.warn({ message: 'Stopping: interrupting the sync in flight after the batch in hand', shutdown_timeout_ms: this.env.SHUTDOWN_TIMEOUT_MS });
    this.interrupting = true;
    await running;
  }

  /** Compares the mapping with the source's information_schema; every problem is logged by name and kept for sync-status. */
  async checkMapping(): Promise<MappingProblem[]> {
    this.mappingProblems = checkMapping(this.mapping.mapping, await this.source.columns());
    for (const p of this.mappingProblems)
      this.logger.error({ message: `Source mapping problem: ${p.problem}`, entity: p.entity, table: p.table, column: p.column });
    return this.mappingProblems;
  }

  async start(mode: SyncMode, trigger: 'api' | 'schedule'): Promise<StartSyncReply> {
    if (!this.source.configured) throw new DomainError(ErrorCode.SourceUnavailable, 'No CIMCO source is configured (set CIMCO_DATABASE_URL)');
    if (this.stopping) throw shuttingDown();
    const attempt = this.startLocked(mode, trigger);
    this.starting.add(attempt);
    try {
      return await attempt;
    } finally {
      this.starting.delete(attempt);
    }
  }

  private async startLocked(mode: SyncMode, trigger: 'api' | 'schedule'): Promise<StartSyncReply> {
    const problems = await this.checkMapping();
    if (problems.length > 0) {
      throw new DomainError(ErrorCode.SourceMappingInvalid, `The source mapping does not match the source database (${problems.length} problems)`, {
        mapping_problems: problems,
      });
    }
    const release = await this.state.tryAcquireSyncLock();
    if (!release) {
      const running = await this.runs.running();
      throw new DomainError(ErrorCode.SyncAlreadyRunning, 'A sync is already running', { sync_id: running?.id ?? null });
    }
    try {
      // A stop that began while this start waited for the mapping check or the lock: leave the run to another replica.
      if (this.stopping) throw shuttingDown();
      // Holding the lock, any run still marked running belongs to a process that died; the watermarks resume it.
      await this.runs.failAbandoned(new Date(Date.now() + 1000));
      const run = await this.runs.start({ id: randomUUID(), mode, trigger, runner: `${hostname()}:${process.pid}`, emptyCounts: emptyCounts() });
      this.current = this.execute(run, mode).finally(async () => {
        this.current = null;
        await release();
      });
      return { sync_id: run.id, state: 'running' };
    } catch (error) {
      await release();
      throw error;
    }
  }

  async status(): Promise<SyncStatusView> {
    const [latest, succeeded] = await Promise.all([this.runs.latest(), this.runs.latestSucceeded()]);
    const circuit = this.source.circuit;
    const [rejectedDownstream, deadLetters] = await Promise.all([
      latest ? this.state.downstreamRejections(latest.id) : Promise.resolve({}),
      this.deadLetters.summary().catch((error: unknown): DeadLetterSummary | null => {
        this.logger.warn({ message: 'Could not read the dead letters for sync-status', reason: error instanceof Error ? error.message : String(error) });
        return null;
      }),
    ]);
    const lastRun = latest ? toView(latest, rejectedDownstream, deadLetters) : null;
    const deadLettered = Object.values(deadLetters ?? {}).some((d) => d.batches > 0);
    // Dead letters are records missing from a consumer's data until they are replayed: not a healthy state.
    const degraded = circuit !== 'closed' || latest?.state === 'failed' || deadLettered;
    return {
      state: latest?.state === 'running' ? 'running' : degraded ? 'degraded' : 'idle',
      last_sync_at: succeeded?.finishedAt?.toISOString() ?? null,
      last_run: lastRun,
      dead_letters:
        deadLetters === null ? null : Object.fromEntries(Object.entries(deadLetters).map(([c, d]) => [c, { batches: d.batches, records: d.records }])),
      source: { reachable: this.source.isReachable, circuit, mapping_problems: this.mappingProblems },
    };
  }

  private async scheduledSync(): Promise<void> {
    if (this.current || this.stopping) return;
    try {
      await this.start('incremental', 'schedule');
    } catch (error) {
      // Another replica's run in flight, or a stop, is what a schedule meets in normal operation: no warning.
      if (this.stopping || (error instanceof DomainError && error.code === ErrorCode.SyncAlreadyRunning)) return;
      throw error;
    }
  }

  private async execute(run: SyncRunEntity, mode: SyncMode): Promise<void> {
    let lastWrite = 0;
    const runner = new SyncRunner(
      {
        source: this.source,
        state: this.state,
        jetStream: this.jetStream,
        mapping: this.mapping.mapping,
        batchSize: this.env.SYNC_BATCH_SIZE,
        pageSize: this.env.SYNC_PAGE_SIZE,
        lagMs: this.env.SYNC_SAFETY_LAG_MS,
        stopping: () => this.interrupting,
        plausibility: {
          maxFutureSeconds: this.env.PLAUSIBLE_MAX_FUTURE_SECONDS,
          earliestMs: Date.parse(this.env.PLAUSIBLE_EARLIEST_TIME),
          maxStopSeconds: this.env.PLAUSIBLE_MAX_STOP_SECONDS,
          maxJobSeconds: this.env.PLAUSIBLE_MAX_JOB_SECONDS,
          maxReadingMagnitude: this.env.PLAUSIBLE_MAX_READING_ABS,
        },
        eventStates: this.mapping.mapping.eventStates,
        onProgress: async (t: RunTally) => {
          if (Date.now() - lastWrite < PROGRESS_WRITE_INTERVAL_MS) return;
          lastWrite = Date.now();
          await this.runs.recordProgress(run.id, t.progress, t.counts, t.deleted, t.rejected);
        },
        onCommitted: (entity, published, rejected) => this.metrics.committed(entity, published, rejected),
      },
      run.id,
      mode,
      run.startedAt.toISOString(),
    );
    try {
      const tally = await runner.run();
      await this.runs.recordProgress(run.id, 1, tally.counts, tally.deleted, tally.rejected);
      await this.runs.finish(run.id, 'succeeded', null);
      this.metrics.runEnded(mode, 'succeeded');
    } catch (error) {
      const failure = classifyFailure(error);
      this.logger.error({ message: `Sync ${run.id} failed: ${failure.message}`, error_code: failure.code, err: error });
      this.metrics.runEnded(mode, 'failed');
      await this.runs.finish(run.id, 'failed', failure.message, failure.code).catch(() => undefined);
    }
  }
}

const RESUMES = 'the next sync resumes from the last page it committed';

const shuttingDown = (): DomainError => new DomainError(ErrorCode.ServiceUnavailable, 'The ingestion service is shutting down');

/**
 * Why a run failed, as a code and a plain sentence for people; the underlying error (a driver's or the database's
 * own words, which may quote data or name internals) goes to the log only.
 */
export function classifyFailure(error: unknown): { code: string; message: string } {
  if (error instanceof SyncInterrupted) return { code: 'SYNC_INTERRUPTED', message: error.message };
  if (error instanceof DomainError && error.code === ErrorCode.SourceUnavailable)
    return { code: ErrorCode.SourceUnavailable, message: `The CIMCO source database could not be read; ${RESUMES}` };
  if (error instanceof NatsError) return { code: 'BUS_UNAVAILABLE', message: `The message bus did not take the records (${error.code}); ${RESUMES}` };
  const sqlState = (error as { code?: unknown; driverError?: { code?: unknown } } | null)?.driverError?.code ?? (error as { code?: unknown } | null)?.code;
  if ((error instanceof Error && error.name === 'QueryFailedError') || (typeof sqlState === 'string' && /^[0-9A-Z]{5}$/.test(sqlState))) {
    return {
      code: 'STATE_STORE_FAILED',
      message: `The sync's progress could not be saved in PostgreSQL${typeof sqlState === 'string' ? ` (SQLSTATE ${sqlState})` : ''}; ${RESUMES}`,
    };
  }
  return { code: 'SYNC_FAILED', message: `The sync stopped on an unexpected error (see the ingestion log); ${RESUMES}` };
}

function toView(run: SyncRunEntity, rejectedDownstream: Record<string, number>, deadLetters: DeadLetterSummary | null): SyncRunView {
  const consumers = new Set<string>([...SHOPFLOOR_CONSUMERS, ...Object.keys(rejectedDownstream), ...Object.keys(deadLetters ?? {})]);
  const downstream = Object.fromEntries(
    [...consumers].map((c) => {
      const dead = deadLetters?.[c]?.by_sync?.[run.id];
      return [c, { rejected: rejectedDownstream[c] ?? 0, dead_lettered_batches: dead?.batches ?? 0, dead_lettered_records: dead?.records ?? 0 }];
    }),
  );
  const rejectedElsewhere = Object.values(downstream).reduce((sum, d) => sum + d.rejected + d.dead_lettered_batches, 0);
  return {
    sync_id: run.id,
    mode: run.mode,
    started_at: run.startedAt.toISOString(),
    finished_at: run.finishedAt?.toISOString() ?? null,
    state: run.state,
    progress: run.progress,
    counts: { ...emptyCounts(), ...run.counts },
    deleted: { ...emptyCounts(), ...run.deleted },
    rejected: run.rejected,
    downstream,
    clean: run.state === 'succeeded' && run.rejected === 0 && rejectedElsewhere === 0,
    error: run.error,
    error_code: run.errorCode,
  };
}
