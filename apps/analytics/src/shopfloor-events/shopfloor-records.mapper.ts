import {
  isCanonicalInstant,
  type DowntimeRecord,
  type JobRecord,
  type MachineEventRecord,
  type MachineReadingRecord,
  type MachineRecord,
} from '@shopfloor/contracts';
import type { DowntimeRecordUpsert, JobUpsert, MachineEventInsert, MachineReadingInsert, MachineUpsert } from '@shopfloor/analytics/data-access';

// Canonical records (validated, UTC ISO 8601 times) → the read model's rows. Optional fields may be absent on the wire.

/**
 * Append-only records pass their time to the database as the instant string it arrived as (no Date, no reformatting)
 * when it is already the canonical UTC form; any other ISO form (a date alone, an offset) is normalised first.
 */
const instant = (value: string): string => (isCanonicalInstant(value) ? value : new Date(value).toISOString());

const dateOrNull = (value: string | null | undefined): Date | null => (value ? new Date(value) : null);

export function toMachineUpsert(r: MachineRecord): MachineUpsert {
  return {
    machineId: r.machine_id,
    name: r.name,
    type: r.type,
    location: r.location ?? null,
    installationDate: dateOrNull(r.installation_date),
    specifications: r.specifications ?? null,
    sourceUpdatedAt: new Date(r.source_updated_at),
  };
}

export function toJobUpsert(r: JobRecord): JobUpsert {
  return {
    jobId: r.job_id,
    machineId: r.machine_id,
    partNumber: r.part_number ?? null,
    startTime: new Date(r.start_time),
    endTime: dateOrNull(r.end_time),
    state: r.state,
    operatorId: r.operator_id ?? null,
    setupTime: r.setup_time ?? null,
    cycleTime: r.cycle_time ?? null,
    idealCycleTime: r.ideal_cycle_time ?? null,
    partsProduced: r.parts_produced ?? null,
    partsScrapped: r.parts_scrapped ?? null,
    sourceUpdatedAt: new Date(r.source_updated_at),
  };
}

export function toDowntimeRecordUpsert(r: DowntimeRecord): DowntimeRecordUpsert {
  return {
    recordId: r.record_id,
    jobId: r.job_id ?? null,
    machineId: r.machine_id,
    downtimeType: r.downtime_type,
    startTime: new Date(r.start_time),
    duration: r.duration,
    reasonCode: r.reason_code ?? null,
    description: r.description ?? null,
    sourceUpdatedAt: new Date(r.source_updated_at),
  };
}

export function toMachineEventInsert(r: MachineEventRecord): MachineEventInsert {
  return {
    eventId: r.event_id,
    machineId: r.machine_id,
    eventTime: instant(r.event_time),
    state: r.state,
    reasonCode: r.reason_code ?? null,
    jobId: r.job_id ?? null,
    partCount: r.part_count ?? null,
  };
}

export function toMachineReadingInsert(r: MachineReadingRecord): MachineReadingInsert {
  return {
    readingId: r.reading_id,
    machineId: r.machine_id,
    readingTime: instant(r.reading_time),
    metric: r.metric,
    value: r.value,
    unit: r.unit ?? null,
  };
}
