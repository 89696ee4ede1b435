import { validateEnv } from '@shopfloor/config';
import type { AlertCheckRepository, DeliveryEntity, DeliveryRepository } from '@shopfloor/notification/data-access';
import { NotificationEnv } from './config/notification.env';

/*
 * In-memory stand-ins for the notification service's repositories, so the rules of its background work (which
 * replica runs a check, how a delivery is claimed, retried and given up) are tested in milliseconds, without
 * PostgreSQL. Each keeps the rule its SQL states, nothing more.
 */

/** The notification environment with the given variables (strings, as the process environment has them). */
export function notificationEnv(variables: Record<string, string> = {}): NotificationEnv {
  return validateEnv(NotificationEnv, { DATABASE_URL: 'postgres://notification@127.0.0.1:5432/shopfloor', ...variables });
}

/** alert_checks: one due time per check, shared by the replicas that are given the same fake. */
export class FakeAlertChecks implements Pick<AlertCheckRepository, 'claim'> {
  readonly due = new Map<string, Date>();

  async claim(name: string, now: Date, everySeconds: number): Promise<boolean> {
    const next = new Date(now.getTime() + everySeconds * 1000);
    const due = this.due.get(name);
    if (due && due > now && due.getTime() <= next.getTime() + everySeconds * 1000) return false;
    this.due.set(name, next);
    return true;
  }
}

export type FakeDelivery = Pick<
  DeliveryEntity,
  | 'id'
  | 'channel'
  | 'state'
  | 'attempts'
  | 'nextAttemptAt'
  | 'lastError'
  | 'sentAt'
  | 'leaseToken'
  | 'leaseOwner'
  | 'leaseExpiresAt'
  | 'alertId'
  | 'reportRunId'
>;

/** The outbox table and its signal channel. */
export class FakeDeliveries implements Pick<DeliveryRepository, 'listen' | 'claimDue' | 'failAbandoned' | 'markSent' | 'markAttemptFailed'> {
  readonly rows: FakeDelivery[] = [];
  /** The current listener, as a replica's LISTEN connection; undefined while none is listening. */
  listener: { signal: () => void; lost: (error: Error) => void } | undefined;
  listens = 0;
  /** Runs before a claim is answered (fail it by throwing). */
  beforeClaim: () => void | Promise<void> = () => undefined;
  private sequence = 0;

  /** A pending delivery due at `due`. */
  add(channel: DeliveryEntity['channel'], due: Date): FakeDelivery {
    this.sequence += 1;
    const row: FakeDelivery = {
      id: `00000000-0000-4000-8000-${String(this.sequence).padStart(12, '0')}`,
      channel,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: due,
      lastError: null,
      sentAt: null,
      leaseToken: null,
      leaseOwner: null,
      leaseExpiresAt: null,
      alertId: null,
      reportRunId: null,
    };
    this.rows.push(row);
    return row;
  }

  /** A stored delivery's announcement, as Postgres NOTIFY brings it to the listener. */
  signal(): void {
    this.listener?.signal();
  }

  async listen(onSignal: () => void, onLost: (error: Error) => void): Promise<() => void> {
    this.listens += 1;
    const listener = { signal: onSignal, lost: onLost };
    this.listener = listener;
    return () => {
      if (this.listener === listener) this.listener = undefined;
    };
  }

  async claimDue(owner: string, leaseToken: string, now: Date, leaseMs: number, limit: number, maxAttempts: number): Promise<DeliveryEntity[]> {
    await this.beforeClaim();
    const due = this.rows
      .filter((d) => ((d.state === 'pending' && d.nextAttemptAt! <= now) || (d.state === 'sending' && d.leaseExpiresAt! <= now)) && d.attempts < maxAttempts)
      .sort((a, b) => (a.nextAttemptAt ?? a.leaseExpiresAt)!.getTime() - (b.nextAttemptAt ?? b.leaseExpiresAt)!.getTime())
      .slice(0, limit);
    for (const d of due)
      Object.assign(d, { state: 'sending', attempts: d.attempts + 1, leaseToken, leaseOwner: owner, leaseExpiresAt: new Date(now.getTime() + leaseMs) });
    return due.map((d) => ({ ...d }) as DeliveryEntity);
  }

  async failAbandoned(now: Date, maxAttempts: number): Promise<number> {
    const abandoned = this.rows.filter((d) => d.state === 'sending' && d.leaseExpiresAt! <= now && d.attempts >= maxAttempts);
    for (const d of abandoned)
      Object.assign(d, {
        state: 'failed',
        lastError: 'the last attempt stopped before it finished (it may have been sent)',
        leaseToken: null,
        leaseOwner: null,
        leaseExpiresAt: null,
        nextAttemptAt: null,
      });
    return abandoned.length;
  }

  async markSent(id: string, leaseToken: string, now: Date): Promise<boolean> {
    const d = this.held(id, leaseToken);
    if (!d) return false;
    Object.assign(d, { state: 'sent', sentAt: now, lastError: null, nextAttemptAt: null, leaseToken: null, leaseOwner: null, leaseExpiresAt: null });
    return true;
  }

  async markAttemptFailed(id: string, leaseToken: string, _now: Date, error: string, retryAt: Date | null): Promise<boolean> {
    const d = this.held(id, leaseToken);
    if (!d) return false;
    Object.assign(d, {
      state: retryAt ? 'pending' : 'failed',
      lastError: error,
      nextAttemptAt: retryAt,
      leaseToken: null,
      leaseOwner: null,
      leaseExpiresAt: null,
    });
    return true;
  }

  /** The deliveries in a state, by id. */
  inState(state: FakeDelivery['state']): string[] {
    return this.rows.filter((d) => d.state === state).map((d) => d.id);
  }

  private held(id: string, leaseToken: string): FakeDelivery | undefined {
    return this.rows.find((d) => d.id === id && d.leaseToken === leaseToken && d.state === 'sending');
  }
}
