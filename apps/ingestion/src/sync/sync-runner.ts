import { Logger } from '@nestjs/common';
import { displayText, MAX_RECORDS_PER_BATCH, SUBJECTS, type MachineState, type SyncMode, type ShopfloorEntity } from '@shopfloor/contracts';
import { mergeRanges, rangesOf, type QuarantineEntry, type SyncStateRepository, type Watermark } from '@shopfloor/ingestion/data-access';
import type { JetStreamService } from '@shopfloor/nats';
import { DateTime } from 'luxon';
import { createHash } from 'node:crypto';
import type { RowDataPacket } from 'mysql2';
import type { SourceDatabase } from '../source/source-database';
import { ENTITY_SPECS, SYNC_ORDER } from '../source/source-fields';
import type { SourceMapping } from '../source/source-mapping';
import { checkRow, rawRow, type CanonicalRecord, type Plausibility, type SourceRow, type ValidationContext } from './record-validation';
import { reconcileDeletions, type SeenRows } from './deletion-reconciler';
import { cursorAfter, machineIdsQuery, maxIdQuery, nextPageQuery, remainingCountQuery, START, type Cursor } from './source-queries';

const SUBJECT_OF: Record<ShopfloorEntity, string> = {
  machines: SUBJECTS.shopfloor.machinesUpserted,
  jobs: SUBJECTS.shopfloor.jobsUpserted,
  downtime_records: SUBJECTS.shopfloor.downtimeRecordsUpserted,
  machine_events: SUBJECTS.shopfloor.machineEventsAppended,
  machine_readings: SUBJECTS.shopfloor.machineReadingsAppended,
};

export interface RunTally {
  counts: Record<ShopfloorEntity, number>;
  deleted: Record<ShopfloorEntity, number>;
  rejected: number;
  progress: number;
}

export interface SyncRunnerDeps {
  source: SourceDatabase;
  state: SyncStateRepository;
  jetStream: JetStreamService;
  mapping: SourceMapping;
  /** Records per published message (at most MAX_RECORDS_PER_BATCH). */
  batchSize: number;
  /** Source rows per read. */
  pageSize: number;
  lagMs: number;
  /** Called after every committed batch (progress, heartbeat). */
  onProgress: (tally: RunTally) => Promise<void>;
  /** Called after every committed page with what it published and quarantined (for the metrics). */
  onCommitted: (entity: ShopfloorEntity, published: number, rejected: number) => void;
  /** True once the service is stopping: the run ends after the batch in hand. */
  stopping: () => boolean;
  plausibility: Plausibility;
  /** Source machine states → canonical ones, from the mapping. */
  eventStates: Readonly<Record<string, MachineState>>;
}

/** Room kept in every message for its headers (message id, request id, trace context) and the batch envelope. */
const MESSAGE_OVERHEAD_BYTES = 4096;
const encoder = new TextEncoder();

export class SyncInterrupted extends Error {
  constructor() {
    super('stopped: the service is shutting down; the next sync resumes from the last committed batch');
  }
}

export const emptyCounts = (): Record<ShopfloorEntity, number> => ({ machines: 0, jobs: 0, downtime_records: 0, machine_events: 0, machine_readings: 0 });

/**
 * One sync run. Each entity is read in keyset pages; each page is validated, its good rows published to JetStream
 * as one batch, and only after the stream's ack are the watermark and the quarantine updated, in one transaction.
 * A crash therefore at worst re-publishes the page in hand, which consumers upsert harmlessly — nothing is lost and
 * nothing counts twice.
 */
export class SyncRunner {
  private readonly logger = new Logger(SyncRunner.name);
  private readonly tally: RunTally = { counts: emptyCounts(), deleted: emptyCounts(), rejected: 0, progress: 0 };

  constructor(
    private readonly deps: SyncRunnerDeps,
    private readonly syncId: string,
    private readonly mode: SyncMode,
    /** When the run started (UTC ISO): the moment a deletion found by a full sync is dated. */
    private readonly startedAt: string,
  ) {}

  async run(): Promise<RunTally> {
    const { source, mapping, lagMs } = this.deps;
    const { upperBound, nowMs } = await sourcePresent(source, mapping.timezone, lagMs);
    // Append-only tables have no change time to hold back by: an insert that took its id before one already visible
    // may still be committing. Their highest ids now, read only once the safety lag has passed, bound this sync.
    const idBounds = new Map<ShopfloorEntity, number | null>();
    for (const e of SYNC_ORDER.filter((entity) => ENTITY_SPECS[entity].sync === 'append')) {
      const m = (await source.query<RowDataPacket & { m: unknown }>(maxIdQuery(mapping, e)))[0]?.m;
      idBounds.set(e, m === null || m === undefined ? null : Number(m));
    }
    const boundsTakenAt = Date.now();
    const watermarks = await this.deps.state.watermarks();
    const starts = new Map<ShopfloorEntity, Cursor>(SYNC_ORDER.map((e) => [e, this.mode === 'full' ? START : toCursor(watermarks.get(e))]));
    const totals = await Promise.all(
      SYNC_ORDER.map(async (e) =>
        Number(
          (await source.query<RowDataPacket & { n: number }>(remainingCountQuery(mapping, e, starts.get(e) ?? START, upperBound, idBounds.get(e))))[0]?.n ?? 0,
        ),
      ),
    );
    const total = totals.reduce((a, b) => a + b, 0);
    let processed = 0;
    const knownMachines = new Set((await source.query<RowDataPacket & { machine_id: string }>(machineIdsQuery(mapping))).map((r) => String(r.machine_id)));
    for (const entity of SYNC_ORDER) {
      let cursor = starts.get(entity) ?? START;
      const stored = watermarks.get(entity);
      const append = ENTITY_SPECS[entity].sync === 'append';
      if (append) await settle(boundsTakenAt + lagMs - Date.now(), this.deps.stopping);
      const seen: SeenRows = append ? { ranges: [] } : { keys: new Set<string>(), displayKeys: new Set<string>() };
      const pageSize = this.deps.pageSize;
      const batchSize = Math.min(this.deps.batchSize, MAX_RECORDS_PER_BATCH);
      const read = (from: Cursor): Promise<RowDataPacket[]> =>
        source.query<RowDataPacket>(nextPageQuery(mapping, entity, from, pageSize, upperBound, idBounds.get(entity)));
      let next: Prefetch | null = prefetch(read(cursor));
      for (;;) {
        if (this.deps.stopping()) throw new SyncInterrupted();
        const rows = await next.result();
        next = null;
        if (rows.length === 0) break;
        // Read the following page while this one is checked, published and committed.
        if (rows.length === pageSize) next = prefetch(read(cursorAfter(entity, rows[rows.length - 1])));
        const { records, quarantined, validKeys } = this.checkPage(entity, rows, {
          timezone: mapping.timezone,
          knownMachines,
          sourceNowMs: nowMs,
          plausibility: this.deps.plausibility,
          eventStates: this.deps.eventStates,
        });
        if (this.mode === 'full') rememberSeen(seen, rows, ENTITY_SPECS[entity].key);
        // All messages of the page are in flight together; the page commits only once every one is acknowledged.
        const tooLarge = new Set<string>();
        await Promise.all(
          this.batches(entity, records, validKeys, quarantined, tooLarge, batchSize).map((b) =>
            this.deps.jetStream.publishEncoded(SUBJECT_OF[entity], b.data, b.messageId),
          ),
        );
        const published = tooLarge.size === 0 ? validKeys : validKeys.filter((k) => !tooLarge.has(k));
        cursor = cursorAfter(entity, rows[rows.length - 1]);
        await this.deps.state.commitBatch({
          entity,
          syncId: this.syncId,
          watermark: advances(cursor, stored) ? toWatermark(cursor) : null,
          quarantined,
          validKeys: published,
          published: append ? { ids: published.map(Number) } : { keys: published },
        });
        this.tally.counts[entity] += published.length;
        this.tally.rejected += quarantined.length;
        this.deps.onCommitted(entity, published.length, quarantined.length);
        processed += rows.length;
        this.tally.progress = total === 0 ? 1 : Math.min(0.99, processed / total);
        await this.deps.onProgress(this.tally);
        if (!next) break;
      }
      if (this.mode === 'full') {
        // Quarantined rows the source no longer has are no problem of anyone's any more.
        await this.deps.state.forgetQuarantined(entity, (key) => wasSeen(seen, key));
        this.tally.deleted[entity] = await reconcileDeletions(this.deps, entity, seen, this.syncId, this.startedAt);
        if (this.tally.deleted[entity] > 0) await this.deps.onProgress(this.tally);
      }
    }
    this.tally.progress = 1;
    this.logger.log({
      message: `Sync ${this.syncId} (${this.mode}) read everything up to the source's present`,
      counts: this.tally.counts,
      rejected: this.tally.rejected,
    });
    return this.tally;
  }

  /**
   * The page's records as messages: at most `batchSize` records each and never more bytes than the server takes. A
   * record too large for any message is moved to the quarantine (its key is added to `tooLarge`).
   */
  private batches(
    entity: ShopfloorEntity,
    records: CanonicalRecord[],
    keys: string[],
    quarantined: QuarantineEntry[],
    tooLarge: Set<string>,
    batchSize: number,
  ): { data: Uint8Array; messageId: string }[] {
    const budget = this.deps.jetStream.maxPayload - MESSAGE_OVERHEAD_BYTES;
    const head = `{"sync_id":${JSON.stringify(this.syncId)},"records":[`;
    const out: { data: Uint8Array; messageId: string }[] = [];
    let parts: string[] = [];
    let partKeys: string[] = [];
    let bytes = 0;
    const flush = (): void => {
      if (parts.length === 0) return;
      const digest = createHash('sha256')
        .update(`${partKeys[0]}\n${partKeys[partKeys.length - 1]}\n${partKeys.length}`)
        .digest('base64url')
        .slice(0, 22);
      out.push({ data: encoder.encode(`${head}${parts.join(',')}]}`), messageId: `${this.syncId}:${entity}:${digest}` });
      parts = [];
      partKeys = [];
      bytes = 0;
    };
    records.forEach((record, i) => {
      const json = JSON.stringify(record);
      const size = Buffer.byteLength(json, 'utf8');
      if (size > budget - head.length) {
        quarantined.push({
          entity,
          sourceTable: this.deps.mapping.entities[entity].table,
          primaryKey: keys[i],
          reasons: [`the record is ${size} bytes as JSON, more than one message can carry (${budget - head.length})`],
          raw: rawRow(record),
          rejectedBy: 'ingestion',
        });
        tooLarge.add(keys[i]);
        return;
      }
      if (parts.length >= batchSize || bytes + size + 1 > budget - head.length) flush();
      parts.push(json);
      partKeys.push(keys[i]);
      bytes += size + 1;
    });
    flush();
    return out;
  }

  private checkPage(entity: ShopfloorEntity, rows: SourceRow[], ctx: ValidationContext) {
    const spec = ENTITY_SPECS[entity];
    const records: CanonicalRecord[] = [];
    const quarantined: QuarantineEntry[] = [];
    const validKeys: string[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      const key = keyText(row[spec.key]);
      const checked = checkRow(entity, row, ctx);
      const reasons = checked.ok ? [] : [...checked.reasons];
      if (key && seen.has(key)) reasons.push(`duplicate ${spec.key} ${displayText(key, 60)} in the source`);
      seen.add(key);
      if (reasons.length === 0 && checked.ok) {
        records.push(checked.record);
        validKeys.push(key);
      } else {
        quarantined.push({
          entity,
          sourceTable: this.deps.mapping.entities[entity].table,
          primaryKey: quarantineKey(key),
          reasons: reasons.map((r) => displayText(r, 1000)),
          raw: rawRow(row),
          rejectedBy: 'ingestion',
        });
      }
    }
    return { records, quarantined, validKeys };
  }
}

/** Waits `ms` (the rest of the safety lag), in steps short enough that a stop is not held up by it. */
async function settle(ms: number, stopping: () => boolean): Promise<void> {
  for (let left = ms; left > 0 && !stopping(); left -= 100) await new Promise((resolve) => setTimeout(resolve, Math.min(100, left)));
}

function toCursor(w: Watermark | undefined): Cursor {
  return w ? { updatedAt: w.lastUpdatedAt, key: w.lastKey, id: w.lastId } : START;
}

function toWatermark(c: Cursor): Watermark {
  return { lastUpdatedAt: c.updatedAt, lastKey: c.key, lastId: c.id };
}

/** A full sync starts from the beginning: it moves a watermark only past where incremental sync already was. */
function advances(cursor: Cursor, stored: Watermark | undefined): boolean {
  if (!stored) return true;
  if (cursor.id !== null) return stored.lastId === null || cursor.id > stored.lastId;
  if (cursor.updatedAt === null) return false;
  return (
    stored.lastUpdatedAt === null ||
    cursor.updatedAt > stored.lastUpdatedAt ||
    (cursor.updatedAt === stored.lastUpdatedAt && (cursor.key ?? '') > (stored.lastKey ?? ''))
  );
}

/**
 * The source's present minus the safety lag, as wall time of the source zone: from the database server's own UTC
 * clock (no skew with this host), whatever time zone its sessions run in.
 */
async function sourcePresent(source: SourceDatabase, zone: string, lagMs: number): Promise<{ upperBound: string; nowMs: number }> {
  const rows = await source.query<RowDataPacket & { now: string }>('SELECT UTC_TIMESTAMP(3) AS now');
  const now = DateTime.fromSQL(String(rows[0].now), { zone: 'utc' });
  return { upperBound: now.minus({ milliseconds: lagMs }).setZone(zone).toFormat('yyyy-MM-dd HH:mm:ss.SSS'), nowMs: now.toMillis() };
}

/** A source key as the quarantine keeps it: jsonb- and varchar(200)-safe (see displayText), '(missing)' when there is none. */
export function quarantineKey(key: string): string {
  return key === '' ? '(missing)' : displayText(key, 180);
}

/** Whether a quarantined row's key was read by this full sync (so the row still exists at the source). */
function wasSeen(seen: SeenRows, quarantined: string): boolean {
  if ('keys' in seen) return seen.displayKeys.has(quarantined);
  if (!/^[0-9]{1,16}$/.test(quarantined)) return seen.sawUnnumbered === true;
  const id = Number(quarantined);
  return seen.ranges.some((r) => r.from <= id && id <= r.to);
}

/** A page read started ahead of time; its failure is held until the page is needed, never left unhandled. */
interface Prefetch {
  result(): Promise<RowDataPacket[]>;
}

function prefetch(query: Promise<RowDataPacket[]>): Prefetch {
  const settled = query.then(
    (rows) => ({ ok: true as const, rows }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  return {
    result: async () => {
      const outcome = await settled;
      if (outcome.ok) return outcome.rows;
      throw outcome.error;
    },
  };
}

function keyText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' ? String(value) : '';
}

function rememberSeen(seen: SeenRows, rows: SourceRow[], keyField: string): void {
  if ('keys' in seen) {
    for (const row of rows) {
      const key = keyText(row[keyField]);
      seen.keys.add(key);
      seen.displayKeys.add(quarantineKey(key));
    }
    return;
  }
  const ids = rows.map((row) => Number(row[keyField])).filter((id) => Number.isSafeInteger(id));
  if (ids.length < rows.length) seen.sawUnnumbered = true;
  seen.ranges = mergeRanges([...seen.ranges, ...rangesOf(ids)]);
}
