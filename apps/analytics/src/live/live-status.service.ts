import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import {
  SUBJECTS,
  UNAVAILABLE_STATE,
  type AlertCleared,
  type AlertKind,
  type AlertLevel,
  type AlertRaised,
  type LiveMessage,
  type LiveStatusList,
  type MachineEventRecord,
  type MachineLiveStatus,
  type MachineReadingRecord,
} from '@shopfloor/contracts';
import { LiveStatusRepository, type LatestState, type LiveStatusRow } from '@shopfloor/analytics/data-access';
import { JetStreamService, NatsConnectionHolder } from '@shopfloor/nats';
import { PeriodicTask } from '@shopfloor/util';
import { JSONCodec } from 'nats';
import { AnalyticsEnv } from '../config/analytics.env';
import { alertId, BREAKDOWN_STATE, clearedByEvents, clearedByReadings, clearedMessageId, STOPPED_STATES, type StatusSnapshot } from './alert-clearing';

const codec = JSONCodec<unknown>();

/**
 * Each machine's live status, kept from its state events: every change is published on `live.machine.<id>` (every
 * gateway replica pushes it to its WebSocket clients), and critical events go to `alerts.raised` with a level — a
 * breakdown, a stop longer than LIVE_LONG_STOP_SECONDS, a scrap burst, and a data gap: a machine whose data stops arriving for
 * LIVE_SILENCE_SECONDS becomes UNAVAILABLE (a gap in the data is not a stop). Their ends go to `alerts.cleared`: the
 * machine leaves DOWN (breakdown) or a long stop's state (long_stop), its data arrives again (data_gap). The database
 * decides each change once, so any number of replicas publish each change, raise each alert and clear it once.
 */
@Injectable()
export class LiveStatusService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LiveStatusService.name);
  private readonly sweeper: PeriodicTask;

  constructor(
    private readonly repository: LiveStatusRepository,
    private readonly nats: NatsConnectionHolder,
    private readonly jetStream: JetStreamService,
    private readonly env: AnalyticsEnv,
  ) {
    this.sweeper = new PeriodicTask(() => this.sweep(), {
      intervalMs: env.LIVE_SWEEP_SECONDS * 1000,
      onError: (error) => this.logger.warn({ message: 'Live status sweep failed; will try again', reason: error.message }),
    });
  }

  onApplicationBootstrap(): void {
    this.sweeper.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.sweeper.stop();
  }

  /**
   * Moves the status of the batch's machines forward to their newest events, and publishes what that ended and began
   * in event time order (a stop's clearing before the next stop's alert).
   */
  async applyEvents(records: MachineEventRecord[], now: Date = new Date()): Promise<void> {
    const latest = latestStates(records);
    if (latest.length === 0) return;
    const beganInBatch = new Set(latest.filter((s) => !s.wholeBatchInState).map((s) => s.machineId));
    const before = await this.statusBefore(latest.map((s) => s.machineId));
    const changed = await this.repository.applyLatest(latest);
    const rules = { now: now.getTime(), longStopSeconds: this.env.LIVE_LONG_STOP_SECONDS };
    const byMachine = new Map<string, MachineEventRecord[]>();
    for (const r of records) {
      const own = byMachine.get(r.machine_id);
      if (own) own.push(r);
      else byMachine.set(r.machine_id, [r]);
    }
    const notices: { at: number; publish: () => Promise<void> }[] = [];
    for (const row of changed) {
      this.publishStatus(row);
      for (const cleared of clearedByEvents(before.get(row.machineId), row, byMachine.get(row.machineId) ?? [], rules))
        notices.push({ at: Date.parse(cleared.cleared_at), publish: () => this.publishCleared(cleared) });
      // A new breakdown: the machine was in another state before, or went down again within this batch. A stop whose
      // machine has said nothing since for longer than the silence window is history (a first sync), not news: the
      // machine is silent, and that is the data gap the sweep raises.
      const since = row.since;
      const news = row.lastEventAt !== null && row.lastEventAt.getTime() >= now.getTime() - this.env.LIVE_SILENCE_SECONDS * 1000;
      if (row.state === BREAKDOWN_STATE && news && (row.previousState !== row.state || beganInBatch.has(row.machineId)) && since) {
        notices.push({
          at: since.getTime(),
          publish: () =>
            this.raise('breakdown', 'critical', row, `${row.machineId} is down${row.reasonCode ? ` (${row.reasonCode})` : ''}`, {
              reason_code: row.reasonCode,
              since: since.toISOString(),
            }),
        });
      }
    }
    // A stable sort: at the same instant a clearing stays ahead of the alert that follows it.
    for (const notice of notices.sort((a, b) => a.at - b.at)) await notice.publish();
  }

  /**
   * Sensor readings are data too: they keep a quiet machine available, and bring back one shown UNAVAILABLE. Readings
   * already older than the silence window are not news (a sync of history): they could only make a machine flap
   * between UNAVAILABLE and back, so they are left out — which also spares a full sync this work.
   */
  async applyReadings(records: MachineReadingRecord[], now: Date = new Date()): Promise<void> {
    const oldest = now.getTime() - this.env.LIVE_SILENCE_SECONDS * 1000;
    const times = new Map<string, number[]>();
    for (const r of records) {
      const at = Date.parse(r.reading_time);
      if (at < oldest) continue;
      const own = times.get(r.machine_id);
      if (own) own.push(at);
      else times.set(r.machine_id, [at]);
    }
    if (times.size === 0) return;
    const before = await this.statusBefore([...times.keys()]);
    const restored = await this.repository.touchData(
      [...times].map(([machineId, at]) => ({ machineId, at: new Date(at.reduce((a, b) => Math.max(a, b))).toISOString() })),
      UNAVAILABLE_STATE,
    );
    for (const row of restored) this.publishStatus(row);
    const cleared = restored.flatMap((row) => clearedByReadings(before.get(row.machineId), row, times.get(row.machineId) ?? []) ?? []);
    for (const c of cleared.sort((a, b) => Date.parse(a.cleared_at) - Date.parse(b.cleared_at))) await this.publishCleared(c);
  }

  /**
   * A scrap burst: a job's scrap count jumped by at least LIVE_SCRAP_BURST_PARTS in one update, at least
   * LIVE_SCRAP_BURST_RATIO of the parts made meanwhile. Only for updates of the last hour — a full sync of history
   * is not news. Raised once per job and count.
   */
  async checkScrap(changes: ScrapChange[], now: Date = new Date()): Promise<void> {
    for (const c of changes) {
      const scrapped = c.scrapped - c.scrappedBefore;
      const produced = c.produced - c.producedBefore;
      if (scrapped < this.env.LIVE_SCRAP_BURST_PARTS || now.getTime() - c.sourceUpdatedAt.getTime() > 3_600_000) continue;
      if (produced > 0 && scrapped / produced < this.env.LIVE_SCRAP_BURST_RATIO) continue;
      const alert: AlertRaised = {
        alert_id: `scrap_burst:${c.jobId}:${c.scrapped}`,
        machine_id: c.machineId,
        kind: 'scrap_burst',
        level: 'warning',
        message: `${scrapped} parts scrapped on ${c.machineId} (job ${c.jobId})${produced > 0 ? ` out of ${produced} made` : ''}`,
        raised_at: now.toISOString(),
        details: { job_id: c.jobId, scrapped, produced, parts_scrapped: c.scrapped, parts_produced: c.produced },
      };
      await this.publishAlert(alert);
    }
  }

  /** Data gaps and long stops, as of `now`. Safe to run on every replica at once; the sweeper runs it every LIVE_SWEEP_SECONDS. */
  async sweep(now: Date = new Date()): Promise<void> {
    for (const row of await this.repository.markSilent(new Date(now.getTime() - this.env.LIVE_SILENCE_SECONDS * 1000), UNAVAILABLE_STATE)) {
      this.publishStatus(row, now);
      await this.raise('data_gap', 'warning', row, `No data from ${row.machineId} since ${row.lastDataAt?.toISOString() ?? 'ever'}`, {
        last_data_at: row.lastDataAt?.toISOString() ?? null,
        last_event_at: row.lastEventAt?.toISOString() ?? null,
        previous_state: row.previousState,
      });
    }
    for (const row of await this.repository.claimLongStops(STOPPED_STATES, new Date(now.getTime() - this.env.LIVE_LONG_STOP_SECONDS * 1000))) {
      const minutes = row.since ? Math.round((now.getTime() - row.since.getTime()) / 60_000) : null;
      await this.raise('long_stop', row.state === 'DOWN' ? 'critical' : 'warning', row, `${row.machineId} has been ${row.state} for ${minutes} min`, {
        state: row.state,
        since: row.since?.toISOString() ?? null,
        reason_code: row.reasonCode,
      });
    }
  }

  async list(now: Date = new Date()): Promise<LiveStatusList> {
    return { items: (await this.repository.list()).map((row) => toView(row, now)), silence_seconds: this.env.LIVE_SILENCE_SECONDS };
  }

  private publishStatus(row: LiveStatusRow, now: Date = new Date()): void {
    const message: LiveMessage<MachineLiveStatus> = { type: 'machine_status', machine_id: row.machineId, data: toView(row, now), timestamp: now.toISOString() };
    this.nats.connection.publish(SUBJECTS.live.machine(row.machineId), codec.encode(message));
  }

  /**
   * The stored status of these machines before a batch moves it. The statement that moves it returns only the state it
   * replaced; a clearing also needs when that state began and when the data last came.
   */
  private async statusBefore(machineIds: string[]): Promise<Map<string, StatusSnapshot>> {
    const wanted = new Set(machineIds);
    return new Map((await this.repository.list()).filter((row) => wanted.has(row.machineId)).map((row) => [row.machineId, row]));
  }

  /** Raised once per event: the alert id names the event, and JetStream drops a repeated id. */
  private async raise(kind: AlertKind, level: AlertLevel, row: LiveStatusRow, message: string, details: Record<string, unknown>): Promise<void> {
    const at = (kind === 'data_gap' ? row.lastDataAt : row.since)?.toISOString() ?? 'unknown';
    await this.publishAlert({
      alert_id: alertId(kind, row.machineId, at),
      machine_id: row.machineId,
      kind,
      level,
      message,
      raised_at: new Date().toISOString(),
      details,
    });
  }

  private async publishAlert(alert: AlertRaised): Promise<void> {
    await this.jetStream.publish(SUBJECTS.alerts.raised, alert, alert.alert_id);
  }

  /** Cleared once per transition: the message id names the machine, the condition and when it ended. */
  private async publishCleared(cleared: AlertCleared): Promise<void> {
    await this.jetStream.publish(SUBJECTS.alerts.cleared, cleared, clearedMessageId(cleared));
  }
}

/** A job's counts before and after one update. */
export interface ScrapChange {
  jobId: string;
  machineId: string;
  producedBefore: number;
  scrappedBefore: number;
  produced: number;
  scrapped: number;
  sourceUpdatedAt: Date;
}

/** Per machine: its newest event, when the state it ends in began within the batch, and whether it held throughout. */
export function latestStates(records: MachineEventRecord[]): LatestState[] {
  const byMachine = new Map<string, MachineEventRecord[]>();
  for (const r of records) byMachine.set(r.machine_id, [...(byMachine.get(r.machine_id) ?? []), r]);
  return [...byMachine.values()].map((events) => {
    events.sort((a, b) => Date.parse(a.event_time) - Date.parse(b.event_time) || a.event_id - b.event_id);
    const last = events[events.length - 1];
    let first = events.length - 1;
    while (first > 0 && events[first - 1].state === last.state) first -= 1;
    return {
      machineId: last.machine_id,
      eventTime: last.event_time,
      state: last.state,
      since: events[first].event_time,
      wholeBatchInState: first === 0,
      reasonCode: last.reason_code ?? null,
      jobId: last.job_id ?? null,
      partCount: last.part_count ?? null,
    };
  });
}

function toView(row: LiveStatusRow, now: Date): MachineLiveStatus {
  return {
    machine_id: row.machineId,
    state: row.state,
    since: row.since?.toISOString() ?? null,
    reason_code: row.reasonCode,
    current_job_id: row.currentJobId,
    part_count: row.partCount,
    last_event_at: row.lastEventAt?.toISOString() ?? null,
    last_event_age_seconds: row.lastEventAt ? Math.max(0, Math.round((now.getTime() - row.lastEventAt.getTime()) / 1000)) : null,
    last_data_at: row.lastDataAt?.toISOString() ?? null,
    updated_at: row.updatedAt.toISOString(),
  };
}
