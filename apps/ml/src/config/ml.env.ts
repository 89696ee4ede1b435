import { DatabaseEnv } from '@shopfloor/config';
import { IsInt, IsTimeZone, Max, Min } from 'class-validator';

/** The ml service's environment (see .env.example). */
export class MlEnv extends DatabaseEnv {
  override PORT: number = 3003;

  /** Trainings this replica runs at once, each in its own worker thread. */
  @IsInt() @Min(1) @Max(8)
  ML_TRAINING_CONCURRENCY: number = 1;

  /** How often an idle replica looks for a queued training, in seconds. */
  @IsInt() @Min(1) @Max(300)
  ML_TRAINING_POLL_SECONDS: number = 2;

  /** A running training whose replica has been silent this long is taken over by another, in seconds. */
  @IsInt() @Min(10) @Max(3600)
  ML_TRAINING_STALE_SECONDS: number = 60;

  /** Retrain the shop-floor models (downtime, maintenance_window, anomaly) that have a version every this many hours; 0 = only on request. New versions wait for activation. */
  @IsInt() @Min(0) @Max(8760)
  ML_RETRAIN_HOURS: number = 0;

  /**
   * The shop's IANA time zone: hour-of-day and weekday inputs of the shop-floor models, and the hours of the week a
   * maintenance window is chosen by, are its wall time (so a DST change does not move the shifts by an hour).
   */
  @IsTimeZone()
  ML_TIMEZONE: string = 'UTC';
}
