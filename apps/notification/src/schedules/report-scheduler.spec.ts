import type { ClaimedSlot, ReportRunEntity, ReportRunRepository, ReportScheduleRepository } from '@shopfloor/notification/data-access';
import { Clock } from '../clock';
import type { DeliveryOutbox } from '../delivery/delivery-outbox';
import { Gate } from '@shopfloor/testing';
import { notificationEnv } from '../fakes.spec-helper';
import type { ReportFiles } from './report-files';
import { ReportScheduler } from './report-scheduler';

/** A scheduler over repositories that hold nothing due unless a test says otherwise. */
function scheduler() {
  const schedules = { createDueRuns: jest.fn(async (): Promise<ClaimedSlot[]> => []), find: jest.fn(async () => null) };
  const runs = { find: jest.fn(async (): Promise<ReportRunEntity | null> => null), claimOpen: jest.fn(async (): Promise<ReportRunEntity[]> => []) };
  const instance = new ReportScheduler(
    schedules as unknown as ReportScheduleRepository,
    runs as unknown as ReportRunRepository,
    {} as ReportFiles,
    {} as DeliveryOutbox,
    new Clock(),
    notificationEnv({ REPORT_SCHEDULE_TICK_SECONDS: '15' }),
  );
  return { scheduler: instance, schedules, runs };
}

describe(ReportScheduler.name, () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-03-02T08:00:00.000Z') });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('ticks every REPORT_SCHEDULE_TICK_SECONDS, one tick at a time: one that outlasts the period is followed at once', async () => {
    const { scheduler: s, schedules, runs } = scheduler();
    const gate = new Gate();
    schedules.createDueRuns.mockImplementationOnce(async () => {
      await gate.opened;
      return [];
    });
    s.onApplicationBootstrap();

    await jest.advanceTimersByTimeAsync(14_999);
    expect(schedules.createDueRuns).toHaveBeenCalledTimes(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(schedules.createDueRuns).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(45_000);
    expect(schedules.createDueRuns).toHaveBeenCalledTimes(1);
    expect(runs.claimOpen).toHaveBeenCalledTimes(0);

    gate.open();
    await jest.advanceTimersByTimeAsync(0);
    expect(schedules.createDueRuns).toHaveBeenCalledTimes(2);
    expect(runs.claimOpen).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(14_999);
    expect(schedules.createDueRuns).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(schedules.createDueRuns).toHaveBeenCalledTimes(3);
    await s.onModuleDestroy();
  });

  it('goes on ticking after a tick that failed', async () => {
    const { scheduler: s, schedules, runs } = scheduler();
    schedules.createDueRuns.mockRejectedValueOnce(new Error('connection terminated'));
    s.onApplicationBootstrap();

    await jest.advanceTimersByTimeAsync(15_000);
    expect(runs.claimOpen).toHaveBeenCalledTimes(0);
    await jest.advanceTimersByTimeAsync(15_000);
    expect(schedules.createDueRuns).toHaveBeenCalledTimes(2);
    expect(runs.claimOpen).toHaveBeenCalledTimes(1);
    await s.onModuleDestroy();
  });

  it('on shutdown waits for the run in hand, takes no further one, and ticks no more', async () => {
    const { scheduler: s, schedules, runs } = scheduler();
    const scheduledFor = new Date('2026-03-02T08:00:00.000Z');
    schedules.createDueRuns.mockResolvedValueOnce([
      { runId: 'run-1', scheduleId: 'schedule-1', scheduledFor },
      { runId: 'run-2', scheduleId: 'schedule-2', scheduledFor },
    ]);
    const gate = new Gate();
    runs.find.mockImplementationOnce(async () => {
      await gate.opened;
      return null;
    });
    s.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(15_000);

    let stopped = false;
    const stopping = s.onModuleDestroy().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(1_000);
    expect(stopped).toBe(false);
    gate.open();
    await stopping;

    expect(runs.find.mock.calls).toEqual([['run-1']]);
    expect(runs.claimOpen).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(schedules.createDueRuns).toHaveBeenCalledTimes(1);
  });
});
