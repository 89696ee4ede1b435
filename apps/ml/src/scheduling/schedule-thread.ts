import { parentPort, workerData } from 'node:worker_threads';
import { naiveEarliestDue, optimizeSchedule, type ScheduleProblem } from '@shopfloor/ml/scheduling';

/** What a schedule thread sends back: the optimised schedule and the baseline's objective, or the input's fault. */
export type ScheduleThreadReply = { ok: true; result: ReturnType<typeof optimizeSchedule>; baseline: number } | { ok: false; message: string };

export function solveSchedule(problem: ScheduleProblem, timeLimitMs: number): ScheduleThreadReply {
  try {
    const result = optimizeSchedule(problem, { timeLimitMs });
    return { ok: true, result, baseline: naiveEarliestDue(problem).objective };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, message: error.message };
    throw error;
  }
}

// Entry of a schedule worker thread: the search takes up to a second of CPU, which must not stall predictions.
if (parentPort && (workerData as { kind?: string } | null)?.kind === 'schedule') {
  const { problem, timeLimitMs } = workerData as { problem: ScheduleProblem; timeLimitMs: number };
  parentPort.postMessage(solveSchedule(problem, timeLimitMs));
}
