import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DeliveryRepository, type DeliveryEntity } from '@shopfloor/notification/data-access';
import { PeriodicTask } from '@shopfloor/util';
import { Clock } from '../clock';
import { NotificationEnv } from '../config/notification.env';
import { leaseHolderName } from '../lease-holder';
import { EmailSender } from './email-sender';
import { retryDelayMs } from './retry-policy';
import { WebhookSender } from './webhook-sender';

/** Deliveries one claim takes; they are sent side by side. */
const BATCH = 10;
const ERROR_CHARS = 1000;
/** Wait before listening again after the listening connection broke. */
const RELISTEN_MS = 5000;

/**
 * Sends what the outbox holds, on every replica. A delivery is claimed under a lease (SKIP LOCKED, so replicas never
 * share one), sent, then marked sent — only by the holder of the current claim. A failed attempt comes back after a
 * backoff with jitter until DELIVERY_MAX_ATTEMPTS, then stays failed. A replica that dies after sending but before
 * marking leaves a claim whose lease runs out; the delivery is then claimed and sent again under the same message
 * id: at least once, never lost.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeliveryWorker.name);
  readonly owner = leaseHolderName();
  private readonly polling: PeriodicTask;
  private started = false;
  private stopping = false;
  /** A wake came while a round was in flight: the next round follows at once. */
  private wanted = false;
  private unlisten?: () => void;
  private relisten?: NodeJS.Timeout;

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly email: EmailSender,
    private readonly webhook: WebhookSender,
    private readonly clock: Clock,
    private readonly env: NotificationEnv,
  ) {
    this.polling = new PeriodicTask(() => this.poll(), {
      intervalMs: env.DELIVERY_POLL_MS,
      firstDelayMs: 0,
      onError: (error) => this.logger.warn({ message: 'Could not work through the outbox', reason: error.message }),
    });
  }

  onApplicationBootstrap(): void {
    this.started = true;
    this.polling.start();
    void this.listen();
  }

  /** Stops polling and lets the sends in hand finish and be marked, so a normal shutdown sends nothing twice. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.relisten);
    this.unlisten?.();
    await this.polling.stop();
  }

  /**
   * Deliveries stored on any replica are announced when their transaction commits (Postgres NOTIFY): a signal wakes
   * this worker at once, so an alert's e-mail does not wait for the next poll. Polling stays, for lost signals.
   */
  private async listen(): Promise<void> {
    if (this.stopping) return;
    const again = (reason: string): void => {
      this.unlisten = undefined;
      if (this.stopping) return;
      this.logger.warn({ message: 'Not listening for new deliveries; polling meanwhile', reason });
      this.relisten = setTimeout(() => void this.listen(), RELISTEN_MS);
    };
    try {
      this.unlisten = await this.deliveries.listen(
        () => this.wake(),
        (error) => again(error.message),
      );
      if (this.stopping) this.unlisten();
    } catch (error) {
      again((error as Error).message);
    }
  }

  /** Something was just stored: look now rather than at the next poll. */
  wake(): void {
    if (!this.started) return;
    if (this.polling.running) this.wanted = true;
    else void this.polling.runNow();
  }

  /**
   * One round: gives up on abandoned last attempts, then claims a batch of due deliveries and sends them. Returns
   * how many were claimed.
   */
  async runOnce(): Promise<number> {
    const now = this.clock.now();
    const abandoned = await this.deliveries.failAbandoned(now, this.env.DELIVERY_MAX_ATTEMPTS);
    if (abandoned > 0) this.logger.warn({ message: 'Deliveries given up: their last attempt stopped before it finished', count: abandoned });
    const token = randomUUID();
    const claimed = await this.deliveries.claimDue(this.owner, token, now, this.env.DELIVERY_LEASE_SECONDS * 1000, BATCH, this.env.DELIVERY_MAX_ATTEMPTS);
    await Promise.all(claimed.map((delivery) => this.deliver(delivery, token)));
    return claimed.length;
  }

  /** One round; returns the delay before the next: none while more may be due, else DELIVERY_POLL_MS. */
  private async poll(): Promise<number> {
    this.wanted = false;
    try {
      // A full batch means more may be due.
      if ((await this.runOnce()) === BATCH) return 0;
    } catch (error) {
      this.logger.warn({ message: 'Could not work through the outbox', reason: (error as Error).message });
    }
    return this.wanted ? 0 : this.env.DELIVERY_POLL_MS;
  }

  private async deliver(delivery: DeliveryEntity, token: string): Promise<void> {
    const started = this.clock.now();
    try {
      if (delivery.channel === 'email') await this.email.send(delivery);
      else await this.webhook.send(delivery, started);
    } catch (error) {
      await this.attemptFailed(delivery, token, error);
      return;
    }
    let marked: boolean;
    try {
      marked = await this.deliveries.markSent(delivery.id, token, this.clock.now());
    } catch (error) {
      this.logger.warn({
        message: `${delivery.channel} sent but not marked; it will be sent again when its claim lapses`,
        delivery_id: delivery.id,
        reason: (error as Error).message,
      });
      return;
    }
    if (marked)
      this.logger.log({
        message: `${delivery.channel} sent`,
        delivery_id: delivery.id,
        attempt: delivery.attempts,
        alert_id: delivery.alertId,
        report_run_id: delivery.reportRunId,
      });
    // Not marked: the lease ran out while sending and another replica holds the delivery now; it sends it again under
    // the same message id, which the receiver drops.
    else this.logger.warn({ message: `${delivery.channel} sent after its claim lapsed; it will be sent again`, delivery_id: delivery.id });
  }

  private async attemptFailed(delivery: DeliveryEntity, token: string, error: unknown): Promise<void> {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, ERROR_CHARS);
    const now = this.clock.now();
    const last = delivery.attempts >= this.env.DELIVERY_MAX_ATTEMPTS;
    const retryAt = last
      ? null
      : new Date(now.getTime() + retryDelayMs(delivery.attempts, this.env.DELIVERY_RETRY_BASE_SECONDS * 1000, this.env.DELIVERY_RETRY_MAX_SECONDS * 1000));
    try {
      await this.deliveries.markAttemptFailed(delivery.id, token, now, reason, retryAt);
    } catch (markError) {
      // The claim stays as it is; its lease runs out and the delivery is tried again.
      this.logger.warn({ message: 'Could not record a failed delivery attempt', delivery_id: delivery.id, reason: (markError as Error).message });
      return;
    }
    const line = { delivery_id: delivery.id, channel: delivery.channel, attempt: delivery.attempts, reason, retry_at: retryAt?.toISOString() ?? null };
    if (last) this.logger.error({ message: `${delivery.channel} failed for good after ${delivery.attempts} attempts`, ...line });
    else this.logger.warn({ message: `${delivery.channel} attempt failed; retrying`, ...line });
  }
}
