import { Inject, Injectable } from '@nestjs/common';
import type { IntegrityReport } from '@shopfloor/contracts';
import { IntegrityRepository } from '@shopfloor/analytics/data-access';
import { INTEGRITY_SETTINGS, type IntegritySettings } from './integrity.settings';

/**
 * The integrity report of the read model: orphans, overlapping jobs, event gaps and counts. Each list is capped at
 * `list_limit`; `counts` holds the full number of findings of each kind, so a client can tell a list was cut.
 */
@Injectable()
export class IntegrityService {
  constructor(
    private readonly integrity: IntegrityRepository,
    @Inject(INTEGRITY_SETTINGS) private readonly settings: IntegritySettings,
  ) {}

  async report(): Promise<IntegrityReport> {
    const generatedAt = new Date();
    const found = await this.integrity.check({ eventGapSeconds: this.settings.eventGapSeconds, listLimit: this.settings.listLimit });
    return {
      generated_at: generatedAt.toISOString(),
      orphan_jobs: found.orphanJobs.items.map((o) => ({ job_id: o.jobId, machine_id: o.machineId })),
      orphan_downtime_records: found.orphanDowntimeRecords.items.map((o) => ({
        record_id: o.recordId,
        machine_id: o.machineId,
        job_id: o.jobId,
        missing: o.missing,
      })),
      overlapping_jobs: found.overlappingJobs.items.map((o) => ({
        machine_id: o.machineId,
        job_id: o.jobId,
        other_job_id: o.otherJobId,
        overlap_seconds: o.overlapSeconds,
      })),
      event_gaps: found.eventGaps.items.map((g) => ({
        machine_id: g.machineId,
        from: g.from.toISOString(),
        to: g.to.toISOString(),
        gap_seconds: g.gapSeconds,
      })),
      counts: {
        ...found.counts,
        orphan_jobs: found.orphanJobs.total,
        orphan_downtime_records: found.orphanDowntimeRecords.total,
        overlapping_jobs: found.overlappingJobs.total,
        event_gaps: found.eventGaps.total,
        list_limit: this.settings.listLimit,
      },
    };
  }
}
