import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { AlertCheckRepository } from '@shopfloor/notification/data-access';
import { PeriodicTask } from '@shopfloor/util';
import { Clock } from '../clock';
import { NotificationEnv } from '../config/notification.env';
import { AlertEngine } from './alert-engine';
import { LiveReconciler } from './live-reconciler';
import { OeeCheck } from './oee-check';

interface PeriodicCheck {
  name: string;
  everySeconds: number;
  run: () => Promise<unknown>;
}

/**
 * The engine's periodic work, each check once per period across all replicas (whichever claims the period in
 * alert_checks runs it): the sweep of time passing and the escalations every ALERT_TICK_SECONDS, the comparison with
 * analytics' live status every ALERT_RECONCILE_SECONDS, OEE every ALERT_OEE_CHECK_MINUTES. Every replica ticks, so a
 * replica that stops only hands its periods to another.
 */
@Injectable()
export class AlertTicker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AlertTicker.name);
  private task?: PeriodicTask;
  private ticking?: Promise<string[]>;
  private readonly checks: PeriodicCheck[];

  constructor(
    private readonly claims: AlertCheckRepository,
    private readonly clock: Clock,
    private readonly env: NotificationEnv,
    engine: AlertEngine,
    reconciler: LiveReconciler,
    oee: OeeCheck,
  ) {
    this.checks = [
      // A period a little shorter than the tick, so that the replica whose timer comes first each time is not
      // turned away by its own previous claim for a few milliseconds of drift.
      { name: 'sweep', everySeconds: env.ALERT_TICK_SECONDS * 0.8, run: async () => [await engine.sweep(), await engine.escalate()] },
      { name: 'live-status', everySeconds: env.ALERT_RECONCILE_SECONDS, run: () => reconciler.run() },
      { name: 'oee', everySeconds: env.ALERT_OEE_CHECK_MINUTES * 60, run: () => oee.run() },
    ];
  }

  onApplicationBootstrap(): void {
    this.task = new PeriodicTask(
      async () => {
        await this.tick();
      },
      {
        intervalMs: this.env.ALERT_TICK_SECONDS * 1000,
        onError: (error) => this.logger.warn({ message: 'Alert checks failed; the next tick tries again', reason: error.message }),
      },
    );
    this.task.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.task?.stop();
    // A tick asked for directly rather than by the timer.
    await this.ticking;
  }

  /** Runs the checks whose period this replica claims; returns their names. One tick at a time per replica. */
  async tick(): Promise<string[]> {
    if (this.ticking) return [];
    this.ticking = this.runDue().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  private async runDue(): Promise<string[]> {
    const ran: string[] = [];
    for (const check of this.checks) {
      try {
        if (!(await this.claims.claim(check.name, this.clock.now(), check.everySeconds))) continue;
        await check.run();
        ran.push(check.name);
      } catch (error) {
        this.logger.warn({ message: `Alert check ${check.name} failed; the next period tries again`, check: check.name, reason: (error as Error).message });
      }
    }
    return ran;
  }
}
