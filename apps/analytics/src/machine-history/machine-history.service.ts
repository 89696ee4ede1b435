import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type DowntimeView, type HistoryPage, type JobView, type MachineHistoryRequest } from '@shopfloor/contracts';
import { DowntimeRecordRepository, JobRepository, MachineRepository, type HistoryWindow } from '@shopfloor/analytics/data-access';
import { toDowntimeView, toJobView } from './history-view.mapper';

/** Records per page when the caller names no limit (the request allows up to 5000). */
export const DEFAULT_HISTORY_LIMIT = 1000;

/** A machine's jobs and stops overlapping a half-open period [from, to), oldest start first. */
@Injectable()
export class MachineHistoryService {
  constructor(
    private readonly machines: MachineRepository,
    private readonly jobRecords: JobRepository,
    private readonly downtimeRecords: DowntimeRecordRepository,
  ) {}

  async jobs(request: MachineHistoryRequest): Promise<HistoryPage<JobView>> {
    const window = await this.window(request);
    return page(window, (await this.jobRecords.findOverlapping(window)).map(toJobView));
  }

  async downtime(request: MachineHistoryRequest): Promise<HistoryPage<DowntimeView>> {
    const window = await this.window(request);
    return page(window, (await this.downtimeRecords.findOverlapping(window)).map(toDowntimeView));
  }

  private async window(request: MachineHistoryRequest): Promise<HistoryWindow> {
    const from = parseTime('from', request.from);
    const to = parseTime('to', request.to);
    if (from && to && from.getTime() >= to.getTime()) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Invalid request: from must be before to', null, [
        { field: 'from', message: 'from must be before to', invalid_value: request.from },
      ]);
    }
    if (!(await this.machines.existsActive(request.machine_id))) {
      throw new DomainError(ErrorCode.MachineNotFound, `Machine ${request.machine_id} is not known`, { machine_id: request.machine_id });
    }
    return { machineId: request.machine_id, from, to, limit: request.limit ?? DEFAULT_HISTORY_LIMIT };
  }
}

/** A time of day needs its offset (API.md: times are ISO 8601 with offset); a bare date is midnight UTC. */
const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

/**
 * Refuses what passes ISO 8601 validation but names no single instant: a local time without offset (it would be
 * read in this process's zone), a week or ordinal date.
 */
function parseTime(field: 'from' | 'to', value: string | undefined): Date | null {
  if (value === undefined) return null;
  const time = new Date(value);
  if (Number.isNaN(time.getTime()) || (value.includes('T') && !HAS_OFFSET.test(value))) {
    throw new DomainError(ErrorCode.ValidationFailed, `Invalid request: ${field}`, null, [
      { field, message: `${field} must be a date-time with offset, such as 2026-01-31T06:00:00Z`, invalid_value: value },
    ]);
  }
  return time;
}

function page<T>(window: HistoryWindow, items: T[]): HistoryPage<T> {
  return { machine_id: window.machineId, from: window.from?.toISOString() ?? null, to: window.to?.toISOString() ?? null, items };
}
