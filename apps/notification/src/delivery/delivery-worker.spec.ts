import type { DeliveryEntity, DeliveryRepository } from '@shopfloor/notification/data-access';
import { Clock } from '../clock';
import { Gate } from '@shopfloor/testing';
import { FakeDeliveries, notificationEnv } from '../fakes.spec-helper';
import { DeliveryWorker } from './delivery-worker';
import type { EmailSender } from './email-sender';
import { TestClock } from './test-clock.spec-helper';
import type { WebhookSender } from './webhook-sender';

const ENV = {
  DELIVERY_MAX_ATTEMPTS: '2',
  DELIVERY_RETRY_BASE_SECONDS: '10',
  DELIVERY_RETRY_MAX_SECONDS: '60',
  DELIVERY_LEASE_SECONDS: '60',
  DELIVERY_POLL_MS: '1000',
};

function worker(clock: Clock, variables: Record<string, string> = {}) {
  const deliveries = new FakeDeliveries();
  const email = { send: jest.fn(async (_delivery: DeliveryEntity): Promise<void> => undefined) };
  const webhook = { send: jest.fn(async (_delivery: DeliveryEntity, _now: Date): Promise<void> => undefined) };
  const instance = new DeliveryWorker(
    deliveries as unknown as DeliveryRepository,
    email as unknown as EmailSender,
    webhook as unknown as WebhookSender,
    clock,
    notificationEnv({ ...ENV, ...variables }),
  );
  return { worker: instance, deliveries, email, webhook };
}

/** Lets the rounds due now run, and the ones each schedules at once (a fake timer set while timers run is 1 ms later). */
async function roundsDueNow(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await jest.advanceTimersByTimeAsync(1);
}

describe(DeliveryWorker.name, () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  describe('runOnce', () => {
    it('sends what is due by its channel, marks it sent, and says how many it claimed', async () => {
      const clock = new TestClock(new Date('2026-03-02T08:00:00.000Z'));
      const { worker: w, deliveries, email, webhook } = worker(clock);
      const mail = deliveries.add('email', clock.now());
      const hook = deliveries.add('webhook', clock.now());
      const later = deliveries.add('email', new Date('2026-03-02T08:05:00.000Z'));

      expect(await w.runOnce()).toBe(2);

      expect(email.send.mock.calls.map(([d]) => d.id)).toEqual([mail.id]);
      expect(webhook.send.mock.calls.map(([d, now]) => [d.id, now])).toEqual([[hook.id, clock.now()]]);
      expect(deliveries.inState('sent')).toEqual([mail.id, hook.id]);
      expect(deliveries.inState('pending')).toEqual([later.id]);
      expect(await w.runOnce()).toBe(0);
    });

    it('brings a failed attempt back after a backoff, and gives up after the last attempt', async () => {
      const clock = new TestClock(new Date('2026-03-02T08:00:00.000Z'));
      const { worker: w, deliveries, email } = worker(clock);
      const mail = deliveries.add('email', clock.now());
      email.send.mockRejectedValue(new Error('421 try again later'));

      expect(await w.runOnce()).toBe(1);
      expect(mail).toMatchObject({ state: 'pending', attempts: 1, lastError: '421 try again later' });
      const wait = mail.nextAttemptAt!.getTime() - clock.now().getTime();
      // Equal jitter: the upper half of the first step.
      expect(wait).toBeGreaterThanOrEqual(5_000);
      expect(wait).toBeLessThanOrEqual(10_000);
      expect(await w.runOnce()).toBe(0);

      clock.advance(wait);
      expect(await w.runOnce()).toBe(1);
      expect(mail).toMatchObject({ state: 'failed', attempts: 2, nextAttemptAt: null, lastError: '421 try again later' });
    });

    it('gives up on a last attempt whose claim ran out before it finished', async () => {
      const clock = new TestClock(new Date('2026-03-02T08:00:00.000Z'));
      const { worker: w, deliveries } = worker(clock);
      const mail = deliveries.add('email', clock.now());
      Object.assign(mail, { state: 'sending', attempts: 2, leaseToken: 'gone', leaseExpiresAt: new Date('2026-03-02T07:59:00.000Z') });

      expect(await w.runOnce()).toBe(0);

      expect(mail).toMatchObject({ state: 'failed', lastError: 'the last attempt stopped before it finished (it may have been sent)' });
    });

    it('leaves a delivery whose claim another worker took over to that worker', async () => {
      const clock = new TestClock(new Date('2026-03-02T08:00:00.000Z'));
      const { worker: w, deliveries, email } = worker(clock);
      const mail = deliveries.add('email', clock.now());
      email.send.mockImplementationOnce(async () => {
        Object.assign(mail, { leaseToken: 'another-worker' });
      });

      expect(await w.runOnce()).toBe(1);

      expect(mail).toMatchObject({ state: 'sending', leaseToken: 'another-worker' });
    });
  });

  describe('polling', () => {
    it('works through the outbox at start, a claim after another while they come back full, then every DELIVERY_POLL_MS', async () => {
      jest.useFakeTimers({ now: new Date('2026-03-02T08:00:00.000Z') });
      const { worker: w, deliveries, email } = worker(new Clock());
      for (let i = 0; i < 25; i += 1) deliveries.add('email', new Date());
      const claims = jest.spyOn(deliveries, 'claimDue');

      w.onApplicationBootstrap();
      await roundsDueNow();
      expect(claims).toHaveBeenCalledTimes(3);
      expect(email.send).toHaveBeenCalledTimes(25);

      deliveries.add('email', new Date());
      await jest.advanceTimersByTimeAsync(990);
      expect(email.send).toHaveBeenCalledTimes(25);
      await jest.advanceTimersByTimeAsync(10);
      expect(email.send).toHaveBeenCalledTimes(26);
      await w.onModuleDestroy();
    });

    it('goes on polling after a round that failed', async () => {
      jest.useFakeTimers({ now: new Date('2026-03-02T08:00:00.000Z') });
      const { worker: w, deliveries, email } = worker(new Clock());
      deliveries.add('email', new Date());
      deliveries.beforeClaim = () => {
        throw new Error('connection terminated');
      };

      w.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(0);
      expect(email.send).not.toHaveBeenCalled();
      deliveries.beforeClaim = () => undefined;
      await jest.advanceTimersByTimeAsync(1000);
      expect(email.send).toHaveBeenCalledTimes(1);
      await w.onModuleDestroy();
    });

    it('looks at once when woken, and once more right after a round that a wake came during', async () => {
      jest.useFakeTimers({ now: new Date('2026-03-02T08:00:00.000Z') });
      const { worker: w, deliveries, email } = worker(new Clock(), { DELIVERY_POLL_MS: '60000' });
      w.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(0);

      const first = deliveries.add('email', new Date());
      deliveries.signal();
      await jest.advanceTimersByTimeAsync(0);
      expect(deliveries.inState('sent')).toEqual([first.id]);

      const gate = new Gate();
      email.send.mockImplementationOnce(() => gate.opened);
      const second = deliveries.add('email', new Date());
      w.wake();
      await jest.advanceTimersByTimeAsync(0);
      const third = deliveries.add('email', new Date());
      w.wake();
      gate.open();
      await jest.advanceTimersByTimeAsync(0);
      expect(deliveries.inState('sent')).toEqual([first.id, second.id, third.id]);
      await w.onModuleDestroy();
    });

    it('polls meanwhile when the listening connection breaks, and listens again 5 s later', async () => {
      jest.useFakeTimers({ now: new Date('2026-03-02T08:00:00.000Z') });
      const { worker: w, deliveries } = worker(new Clock());
      w.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(0);
      expect(deliveries.listens).toBe(1);

      deliveries.listener?.lost(new Error('terminating connection due to administrator command'));
      await jest.advanceTimersByTimeAsync(4_999);
      expect(deliveries.listens).toBe(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(deliveries.listens).toBe(2);
      await w.onModuleDestroy();
      expect(deliveries.listener).toBeUndefined();
    });

    it('on shutdown lets the sends in hand finish and be marked, then neither polls nor listens again', async () => {
      jest.useFakeTimers({ now: new Date('2026-03-02T08:00:00.000Z') });
      const { worker: w, deliveries, email } = worker(new Clock());
      const gate = new Gate();
      email.send.mockImplementationOnce(() => gate.opened);
      const mail = deliveries.add('email', new Date());
      w.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(0);

      let stopped = false;
      const stopping = w.onModuleDestroy().then(() => (stopped = true));
      await jest.advanceTimersByTimeAsync(2000);
      expect(stopped).toBe(false);
      gate.open();
      await stopping;
      expect(mail.state).toBe('sent');
      expect(deliveries.listener).toBeUndefined();

      deliveries.add('email', new Date());
      w.wake();
      await jest.advanceTimersByTimeAsync(10_000);
      expect(email.send).toHaveBeenCalledTimes(1);
      expect(deliveries.listens).toBe(1);
    });
  });
});
