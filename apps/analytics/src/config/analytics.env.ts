import { RedisServiceEnv } from '@shopfloor/config';
import { IsInt, Max, Min } from 'class-validator';

/** The analytics service's environment (see .env.example). */
export class AnalyticsEnv extends RedisServiceEnv {
  override PORT: number = 3002;

  /** An unplanned stop shorter than this (its own duration) is a small stop and stays in run time (API.md). */
  @IsInt() @Min(0) @Max(3600)
  OEE_MICRO_STOP_SECONDS: number = 120;
}
