import { DomainError, ErrorCode, type DowntimeRecord, type JobRecord, type MachineReadingRecord, type MachineRecord } from '@shopfloor/contracts';
import type { JobCopy, MachineCopy, ReadingCopy, StopCopy } from '@shopfloor/ml/data-access';

// Canonical records (validated, ISO 8601 times) → the ml copy's rows: only the fields the feature pipeline reads
// (machine-history.ts of @shopfloor/ml/features), times as epoch milliseconds. Optional fields may be absent on the wire.

/**
 * Epoch milliseconds of an ISO 8601 time. The batch validator accepts a few ISO forms the JavaScript parser does not
 * (a decimal comma, for one): such a record can never be stored, so it is refused as invalid, not retried.
 */
function epoch(value: string, field: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms))
    throw new DomainError(ErrorCode.ValidationFailed, `Invalid time: ${field}`, null, [
      { field, message: `${field} is not a time this service can read`, invalid_value: value },
    ]);
  return ms;
}

const epochOrNull = (value: string | null | undefined, field: string): number | null => (value ? epoch(value, field) : null);

export function toMachineCopy(r: MachineRecord): MachineCopy {
  return {
    machineId: r.machine_id,
    type: r.type,
    location: r.location ?? null,
    installationDate: epochOrNull(r.installation_date, 'installation_date'),
    sourceUpdatedAt: epoch(r.source_updated_at, 'source_updated_at'),
  };
}

export function toJobCopy(r: JobRecord): JobCopy {
  return {
    jobId: r.job_id,
    machineId: r.machine_id,
    start: epoch(r.start_time, 'start_time'),
    end: epochOrNull(r.end_time, 'end_time'),
    idealCycleTimeS: r.ideal_cycle_time ?? null,
    cycleTimeS: r.cycle_time ?? null,
    partsProduced: r.parts_produced ?? null,
    partsScrapped: r.parts_scrapped ?? null,
    sourceUpdatedAt: epoch(r.source_updated_at, 'source_updated_at'),
  };
}

export function toStopCopy(r: DowntimeRecord): StopCopy {
  return {
    recordId: r.record_id,
    machineId: r.machine_id,
    type: r.downtime_type,
    start: epoch(r.start_time, 'start_time'),
    durationS: r.duration,
    sourceUpdatedAt: epoch(r.source_updated_at, 'source_updated_at'),
  };
}

export function toReadingCopy(r: MachineReadingRecord): ReadingCopy {
  return { readingId: r.reading_id, machineId: r.machine_id, time: epoch(r.reading_time, 'reading_time'), metric: r.metric, value: r.value };
}
