import type { AlertCheckRepository } from '@shopfloor/notification/data-access';
import { Clock } from '../clock';
import { TestClock } from '../delivery/test-clock.spec-helper';
import { Gate } from '@shopfloor/testing';
import { FakeAlertChecks, notificationEnv } from '../fakes.spec-helper';
import type { AlertEngine } from './alert-engine';
import { AlertTicker } from './alert-ticker';
import type { LiveReconciler } from './live-reconciler';
import type { OeeCheck } from './oee-check';

const ENV = { ALERT_TICK_SECONDS: '10', ALERT_RECONCILE_SECONDS: '60', ALERT_OEE_CHECK_MINUTES: '5' };

/** A ticker over fakes; replicas given the same `checks` share the claims of alert_checks. */
function ticker(clock: Clock, checks = new FakeAlertChecks()) {
  const engine = { sweep: jest.fn(async () => 0), escalate: jest.fn(async () => 0) };
  const reconciler = { run: jest.fn(async () => undefined) };
  const oee = { run: jest.fn(async () => undefined) };
  const instance = new AlertTicker(
    checks as unknown as AlertCheckRepository,
    clock,
    notificationEnv(ENV),
    engine as unknown as AlertEngine,
    reconciler as unknown as LiveReconciler,
    oee as unknown as OeeCheck,
  );
  return { ticker: instance, engine, reconciler, oee, checks };
}

describe(AlertTicker.name, () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('runs each check whose period has come, and names what it ran', async () => {
    const clock = new TestClock(new Date('2026-03-02T08:00:00.000Z'));
    const { ticker: t, engine, reconciler, oee } = ticker(clock);

    expect(await t.tick()).toEqual(['sweep', 'live-status', 'oee']);
    expect(await t.tick()).toEqual([]);
    clock.advance(10_000);
    expect(await t.tick()).toEqual(['sweep']);
    clock.advance(50_000);
    expect(await t.tick()).toEqual(['sweep', 'live-status']);
    clock.advance(240_000);
    expect(await t.tick()).toEqual(['sweep', 'live-status', 'oee']);

    expect([engine.sweep.mock.calls.length, engine.escalate.mock.calls.length, reconciler.run.mock.calls.length, oee.run.mock.calls.length]).toEqual([
      4, 4, 3, 2,
    ]);
  });

  it('hands each period to one replica only', async () => {
    const clock = new TestClock(new Date('2026-03-02T08:00:00.000Z'));
    const a = ticker(clock);
    const b = ticker(clock, a.checks);

    const [first, second] = await Promise.all([a.ticker.tick(), b.ticker.tick()]);

    expect([...first, ...second].sort()).toEqual(['live-status', 'oee', 'sweep']);
    expect(a.engine.sweep.mock.calls.length + b.engine.sweep.mock.calls.length).toBe(1);
  });

  it('goes on with the other checks when one fails, and tries it again the next period', async () => {
    const clock = new TestClock(new Date('2026-03-02T08:00:00.000Z'));
    const { ticker: t, reconciler } = ticker(clock);
    reconciler.run.mockRejectedValueOnce(new Error('analytics did not answer'));

    expect(await t.tick()).toEqual(['sweep', 'oee']);
    clock.advance(60_000);
    expect(await t.tick()).toEqual(['sweep', 'live-status']);
  });

  it('runs one tick at a time: a tick asked for while one is in flight does nothing', async () => {
    const clock = new TestClock(new Date('2026-03-02T08:00:00.000Z'));
    const { ticker: t, engine } = ticker(clock);
    const gate = new Gate();
    engine.sweep.mockImplementationOnce(async () => {
      await gate.opened;
      return 0;
    });

    const first = t.tick();
    clock.advance(10_000);
    expect(await t.tick()).toEqual([]);
    gate.open();

    expect(await first).toEqual(['sweep', 'live-status', 'oee']);
    expect(engine.sweep).toHaveBeenCalledTimes(1);
  });

  it('ticks every ALERT_TICK_SECONDS once started, and on shutdown waits for the tick in flight and ticks no more', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-02T08:00:00.000Z') });
    const { ticker: t, engine } = ticker(new Clock());
    t.onApplicationBootstrap();

    await jest.advanceTimersByTimeAsync(9_999);
    expect(engine.sweep).toHaveBeenCalledTimes(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(engine.sweep).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(engine.sweep).toHaveBeenCalledTimes(2);

    const gate = new Gate();
    engine.sweep.mockImplementationOnce(async () => {
      await gate.opened;
      return 0;
    });
    await jest.advanceTimersByTimeAsync(10_000);
    let stopped = false;
    const stopping = t.beforeApplicationShutdown().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(1_000);
    expect(stopped).toBe(false);
    expect(engine.escalate).toHaveBeenCalledTimes(2);
    gate.open();
    await stopping;
    expect(engine.escalate).toHaveBeenCalledTimes(3);

    await jest.advanceTimersByTimeAsync(60_000);
    expect(engine.sweep).toHaveBeenCalledTimes(3);
  });
});
