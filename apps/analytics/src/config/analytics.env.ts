import { RedisServiceEnv } from '@shopfloor/config';
import { DEFAULT_MICRO_STOP_THRESHOLD_S } from '@shopfloor/contracts';
import { IsInt, IsNumber, Max, Min } from 'class-validator';

/** The analytics service's environment (see .env.example). */
export class AnalyticsEnv extends RedisServiceEnv {
  override PORT: number = 3002;

  /** An unplanned stop shorter than this (its own duration) is a small stop and stays in run time (API.md). */
  @IsInt()
  @Min(0)
  @Max(3600)
  OEE_MICRO_STOP_SECONDS: number = DEFAULT_MICRO_STOP_THRESHOLD_S;

  /** A machine without events or readings for this long is shown UNAVAILABLE and a data-gap alert is raised. */
  @IsInt()
  @Min(10)
  @Max(86400)
  LIVE_SILENCE_SECONDS: number = 300;

  /** A machine DOWN or IDLE for this long raises a long-stop alert (once per stop). */
  @IsInt()
  @Min(60)
  @Max(604800)
  LIVE_LONG_STOP_SECONDS: number = 1800;

  /** How often silences and long stops are looked for. */
  @IsInt()
  @Min(1)
  @Max(3600)
  LIVE_SWEEP_SECONDS: number = 10;

  /** Scrapped parts in one job update that raise a scrap-burst alert … */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  LIVE_SCRAP_BURST_PARTS: number = 10;

  /** … when they are at least this share of the parts made meanwhile. */
  @IsNumber()
  @Min(0)
  @Max(1)
  LIVE_SCRAP_BURST_RATIO: number = 0.2;
}
