import { SUBJECTS, type AlertRaised } from '@shopfloor/contracts';
import type { LiveStatusRepository, LiveStatusRow } from '@shopfloor/analytics/data-access';
import type { JetStreamService, NatsConnectionHolder } from '@shopfloor/nats';
import { liveStatusRepositoryMock } from '../../test/fakes.spec-helper';
import type { AnalyticsEnv } from '../config/analytics.env';
import { LiveStatusService } from './live-status.service';

const env = { LIVE_SILENCE_SECONDS: 300, LIVE_LONG_STOP_SECONDS: 1800, LIVE_SWEEP_SECONDS: 10 } as AnalyticsEnv;

const row = (machineId: string, state: string, since: string): LiveStatusRow => ({
  machineId,
  state,
  previousState: 'RUNNING',
  since: new Date(since),
  reasonCode: null,
  currentJobId: null,
  partCount: null,
  lastEventAt: new Date(since),
  lastDataAt: new Date(since),
  updatedAt: new Date(since),
});

describe(`${LiveStatusService.name} sweeper`, () => {
  let repository: ReturnType<typeof liveStatusRepositoryMock>;
  let published: { subject: string; alert: AlertRaised }[];
  let service: LiveStatusService;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-02T10:00:00Z') });
    repository = liveStatusRepositoryMock();
    published = [];
    const jetStream = { publish: jest.fn(async (subject: string, alert: AlertRaised) => void published.push({ subject, alert })) };
    const nats = { connection: { publish: jest.fn() } };
    service = new LiveStatusService(
      repository as unknown as LiveStatusRepository,
      nats as unknown as NatsConnectionHolder,
      jetStream as unknown as JetStreamService,
      env,
    );
  });

  afterEach(async () => {
    await service.onModuleDestroy();
    jest.useRealTimers();
  });

  it('sweeps every LIVE_SWEEP_SECONDS once the application has started, and not before', async () => {
    await jest.advanceTimersByTimeAsync(30_000);
    expect(repository.markSilent).not.toHaveBeenCalled();

    service.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(9_999);
    expect(repository.markSilent).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(repository.markSilent).toHaveBeenCalledTimes(1);
    // The sweep at 10:00:40 looks for data older than five minutes and stops longer than half an hour.
    expect(repository.markSilent).toHaveBeenLastCalledWith(new Date('2026-11-02T09:55:40Z'), 'UNAVAILABLE');
    expect(repository.claimLongStops).toHaveBeenLastCalledWith(['DOWN', 'IDLE'], new Date('2026-11-02T09:30:40Z'));
    await jest.advanceTimersByTimeAsync(20_000);
    expect(repository.markSilent).toHaveBeenCalledTimes(3);
  });

  it('keeps sweeping after a sweep failed', async () => {
    repository.markSilent.mockRejectedValueOnce(new Error('connection lost'));
    service.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(repository.claimLongStops).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(repository.claimLongStops).toHaveBeenCalledTimes(1);
  });

  it('never runs two sweeps of one service at once, and stops sweeping on shutdown', async () => {
    let finish!: () => void;
    repository.markSilent.mockImplementationOnce(() => new Promise<LiveStatusRow[]>((resolve) => (finish = () => resolve([]))));
    service.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(repository.markSilent).toHaveBeenCalledTimes(1);

    const stopped = service.onModuleDestroy();
    finish();
    await stopped;
    await jest.advanceTimersByTimeAsync(60_000);
    expect(repository.markSilent).toHaveBeenCalledTimes(1);
  });

  it('raises a data gap for each machine fallen silent and a long stop for each stop claimed, once per stop', async () => {
    repository.markSilent.mockResolvedValueOnce([row('M-1', 'UNAVAILABLE', '2026-11-02T09:40:00Z')]);
    repository.claimLongStops.mockResolvedValueOnce([row('M-2', 'DOWN', '2026-11-02T09:15:00Z')]);
    await service.sweep(new Date('2026-11-02T10:00:00Z'));

    expect(published.map((p) => [p.subject, p.alert.alert_id, p.alert.kind, p.alert.level, p.alert.message])).toEqual([
      [SUBJECTS.alerts.raised, expect.stringContaining('M-1'), 'data_gap', 'warning', 'No data from M-1 since 2026-11-02T09:40:00.000Z'],
      // Down since 09:15: 45 minutes at the 10:00 sweep, and critical because the machine is DOWN.
      [SUBJECTS.alerts.raised, expect.stringContaining('M-2'), 'long_stop', 'critical', 'M-2 has been DOWN for 45 min'],
    ]);
  });
});
