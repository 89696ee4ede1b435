import { DatabaseEnv } from '@shopfloor/config';
import { IsInt, IsTimeZone, Max, Min } from 'class-validator';

/** The ml service's environment (see .env.example). */
export class MlEnv extends DatabaseEnv {
  override PORT: number = 3003;

  /** Trainings this replica runs at once, each in its own worker thread. */
  @IsInt()
  @Min(1)
  @Max(8)
  ML_TRAINING_CONCURRENCY: number = 1;

  /** How often an idle replica looks for a queued training, in seconds. */
  @IsInt()
  @Min(1)
  @Max(300)
  ML_TRAINING_POLL_SECONDS: number = 2;

  /** A running training whose replica has been silent this long is taken over by another, in seconds. */
  @IsInt()
  @Min(10)
  @Max(3600)
  ML_TRAINING_STALE_SECONDS: number = 60;

  /**
   * Retrain each shop-floor model type (downtime, failure_risk, maintenance_window, anomaly) whose active version
   * learnt from the shop floor every this many hours; 0 = only on request. A new version replaces the active one only
   * when it beats it on the same held-out data (the promotion gate); otherwise it waits for an admin.
   */
  @IsInt()
  @Min(0)
  @Max(8760)
  ML_RETRAIN_HOURS: number = 168;

  /**
   * Train each shop-floor model type that has no active version in the background as soon as the history is enough:
   * this many days of it on ML_AUTO_TRAIN_MIN_MACHINES machines (0 = only on request). A type whose history turns out
   * too thin for its label is tried again a day later.
   */
  @IsInt()
  @Min(0)
  @Max(365)
  ML_AUTO_TRAIN_MIN_DAYS: number = 7;

  /** Three machines at least: whole machines are held out for the metrics and the promotion gate. */
  @IsInt()
  @Min(3)
  @Max(10_000)
  ML_AUTO_TRAIN_MIN_MACHINES: number = 3;

  /**
   * Score every machine with data in the last 7 days with each active model every this many seconds (once across
   * replicas): downtime risk over 24 h and 7 days, failure risk, remaining life and maintenance window, anomalies of
   * the hours completed since. 0 = only on request.
   */
  @IsInt()
  @Min(0)
  @Max(86_400)
  ML_SCORING_INTERVAL_SECONDS: number = 300;

  /** Stored predictions older than this many days are removed (0 = kept for ever). */
  @IsInt()
  @Min(0)
  @Max(3650)
  ML_PREDICTION_RETENTION_DAYS: number = 30;

  /**
   * The shop's IANA time zone: hour-of-day and weekday inputs of the shop-floor models, and the hours of the week a
   * maintenance window is chosen by, are its wall time (so a DST change does not move the shifts by an hour).
   */
  @IsTimeZone()
  ML_TIMEZONE: string = 'UTC';
}
