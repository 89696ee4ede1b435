import type { DowntimeView, JobView } from '@shopfloor/contracts';
import type { DowntimeRecordEntity, JobEntity } from '@shopfloor/analytics/data-access';

export function toJobView(j: JobEntity): JobView {
  return {
    job_id: j.jobId,
    machine_id: j.machineId,
    part_number: j.partNumber,
    start_time: j.startTime.toISOString(),
    end_time: j.endTime ? j.endTime.toISOString() : null,
    state: j.state,
    operator_id: j.operatorId,
    setup_time: j.setupTime,
    cycle_time: j.cycleTime,
    ideal_cycle_time: j.idealCycleTime,
    parts_produced: j.partsProduced,
    parts_scrapped: j.partsScrapped,
    source_updated_at: j.sourceUpdatedAt.toISOString(),
  };
}

export function toDowntimeView(d: DowntimeRecordEntity): DowntimeView {
  return {
    record_id: d.recordId,
    job_id: d.jobId,
    machine_id: d.machineId,
    downtime_type: d.downtimeType,
    start_time: d.startTime.toISOString(),
    end_time: new Date(d.startTime.getTime() + d.duration * 1000).toISOString(),
    duration: d.duration,
    reason_code: d.reasonCode,
    description: d.description,
    source_updated_at: d.sourceUpdatedAt.toISOString(),
  };
}
