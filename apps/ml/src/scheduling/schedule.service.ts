import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type FieldError, type OptimizeScheduleRequest, type ScheduleView } from '@shopfloor/contracts';
import { PredictionRepository } from '@shopfloor/ml/data-access';
import type { ScheduleProblem } from '@shopfloor/ml/scheduling';
import { solveSchedule, type ScheduleThreadReply } from './schedule-thread';

const TIME_LIMIT_MS = 1000;
const RISK_LOOKBACK_MS = 24 * 3_600_000;
const THREAD = join(__dirname, 'schedule-thread.js');

/**
 * Assigns jobs to eligible machines over the horizon, minimising tardiness, makespan and the expected cost of failures
 * (constructive heuristics, then local search; never worse than earliest-due-date). A machine's failure hazard comes from
 * the request, else from its latest downtime prediction of the last 24 hours (probability over its horizon, turned
 * into a rate per hour), else 0.
 */
@Injectable()
export class ScheduleService {
  constructor(private readonly predictions: PredictionRepository) {}

  async optimize(request: OptimizeScheduleRequest): Promise<ScheduleView> {
    const horizonStart = Date.parse(request.horizon_start);
    const machines = [...new Set(request.jobs.flatMap((j) => j.eligible_machines))];
    const risk = await this.machineRisk(machines, request.machine_risk ?? {});
    const problem: ScheduleProblem = {
      horizonStart,
      jobs: request.jobs.map((j) => ({
        jobId: j.job_id,
        partNumber: j.part_number ?? '',
        duration: j.duration,
        due: Date.parse(j.due),
        eligibleMachines: j.eligible_machines,
      })),
      machineRisk: risk,
    };
    const reply = await this.solve(problem);
    if (!reply.ok)
      throw new DomainError(ErrorCode.ValidationFailed, `The schedule cannot be built: ${reply.message}`, null, [
        { field: 'jobs', message: reply.message, invalid_value: null },
      ]);
    const { result } = reply;
    return {
      assignments: result.assignments.map((a) => ({
        job_id: a.jobId,
        machine_id: a.machineId,
        start: new Date(a.start).toISOString(),
        end: new Date(a.end).toISOString(),
      })),
      makespan: result.makespan,
      tardiness: result.tardiness,
      risk_cost: result.riskCost,
      objective: result.objective,
      baseline_objective: reply.baseline,
      machine_risk: risk,
    };
  }

  private async machineRisk(machines: string[], given: Record<string, unknown>): Promise<Record<string, number>> {
    const errors: FieldError[] = [];
    const risk: Record<string, number> = {};
    for (const [machine, value] of Object.entries(given)) {
      if (!machines.includes(machine)) errors.push({ field: `machine_risk.${machine}`, message: 'is not eligible for any job', invalid_value: value });
      else if (typeof value !== 'number' || !(value >= 0 && value <= 1))
        errors.push({ field: `machine_risk.${machine}`, message: 'must be a number from 0 to 1 (failures per hour of work)', invalid_value: value });
      else risk[machine] = value;
    }
    if (errors.length > 0) throw new DomainError(ErrorCode.ValidationFailed, `Invalid machine_risk: ${errors.map((e) => e.field).join(', ')}`, null, errors);
    const missing = machines.filter((m) => !(m in risk));
    const latest = await this.predictions.latestByMachine(missing, 'downtime', new Date(Date.now() - RISK_LOOKBACK_MS));
    for (const machine of missing) {
      const p = latest.get(machine);
      // P(at least one failure within h hours) = 1 − e^(−λh) → λ = −ln(1 − p) / h.
      risk[machine] = p && p.horizonHours ? Math.min(1, -Math.log(Math.max(1e-9, 1 - Math.min(p.value, 0.999999))) / p.horizonHours) : 0;
    }
    return risk;
  }

  private async solve(problem: ScheduleProblem): Promise<ScheduleThreadReply> {
    if (!existsSync(THREAD)) return solveSchedule(problem, TIME_LIMIT_MS);
    const thread = new Worker(THREAD, { workerData: { kind: 'schedule', problem, timeLimitMs: TIME_LIMIT_MS } });
    try {
      return await new Promise<ScheduleThreadReply>((resolve, reject) => {
        thread.once('message', resolve);
        thread.once('error', reject);
        thread.once('exit', (code) => reject(new Error(`The schedule thread stopped (exit code ${code})`)));
      });
    } finally {
      await thread.terminate();
    }
  }
}
