import { DatabaseEnv } from '@shopfloor/config';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsTimeZone, IsUrl, Max, MaxLength, Min, MinLength } from 'class-validator';

/** The notification service's environment (see .env.example). */
export class NotificationEnv extends DatabaseEnv {
  override PORT: number = 3004;

  /** SMTP server for e-mail; unset, e-mails wait in the outbox (retried) and fail once their attempts run out. */
  @IsOptional()
  @IsString()
  @MaxLength(255)
  SMTP_HOST?: string;

  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT: number = 587;

  /** 'true': TLS from the first byte (port 465); 'false': STARTTLS when the server offers it (587, 25). */
  @IsIn(['true', 'false'])
  SMTP_SECURE: 'true' | 'false' = 'false';

  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @IsOptional()
  @IsString()
  SMTP_PASSWORD?: string;

  /** The sender, `alerts@shop.example` or `Shop floor <alerts@shop.example>`; its domain is the right-hand side of every Message-ID. */
  @IsEmail({ require_tld: false, allow_display_name: true })
  SMTP_FROM: string = 'shopfloor@localhost';

  /** Where a notification's link points: the dashboard's base URL as people reach it. */
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  DASHBOARD_URL: string = 'http://localhost:3000';

  /** The shop's IANA time zone: every time in an e-mail or chat message is its wall time. */
  @IsTimeZone()
  SHOP_TIMEZONE: string = 'UTC';

  /** Key of the webhooks' X-Signature (HMAC-SHA256); unset, webhooks go unsigned. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  WEBHOOK_SIGNING_SECRET?: string;

  /** Longest a webhook call may take before it counts as failed, in milliseconds. */
  @IsInt()
  @Min(500)
  @Max(60000)
  WEBHOOK_TIMEOUT_MS: number = 10000;

  /** Attempts per e-mail or webhook before it is shown failed. */
  @IsInt()
  @Min(1)
  @Max(50)
  DELIVERY_MAX_ATTEMPTS: number = 8;

  /** Backoff before the first retry, doubling per attempt up to DELIVERY_RETRY_MAX_SECONDS, with jitter. */
  @IsInt()
  @Min(1)
  @Max(3600)
  DELIVERY_RETRY_BASE_SECONDS: number = 30;

  @IsInt()
  @Min(1)
  @Max(86400)
  DELIVERY_RETRY_MAX_SECONDS: number = 3600;

  /** How long a claimed delivery is one replica's; then (the replica died) another sends it again. Above any send's timeout. */
  @IsInt()
  @Min(30)
  @Max(3600)
  DELIVERY_LEASE_SECONDS: number = 120;

  /** How often each replica looks for due deliveries, in milliseconds. */
  @IsInt()
  @Min(50)
  @Max(60000)
  DELIVERY_POLL_MS: number = 1000;

  /** How often each replica looks for report schedules that are due, in seconds. */
  @IsInt()
  @Min(1)
  @Max(300)
  REPORT_SCHEDULE_TICK_SECONDS: number = 15;

  /** Longest analytics may take to make a scheduled report's file, in milliseconds. */
  @IsInt()
  @Min(1000)
  @Max(600000)
  REPORT_TIMEOUT_MS: number = 120000;

  /** How often the alert engine looks at time passing (stops and gaps long enough now, escalations), in seconds. */
  @IsInt()
  @Min(1)
  @Max(3600)
  ALERT_TICK_SECONDS: number = 15;

  /** How often oee_below rules ask analytics for each machine's OEE, in minutes. */
  @IsInt()
  @Min(1)
  @Max(1440)
  ALERT_OEE_CHECK_MINUTES: number = 5;

  /** How often open stops and data gaps are checked against analytics' live status (a clearing that never came), in seconds. */
  @IsInt()
  @Min(10)
  @Max(86400)
  ALERT_RECONCILE_SECONDS: number = 60;

  /** How long the machine list (types and locations, for rule scopes) is kept before it is read again, in seconds. */
  @IsInt()
  @Min(10)
  @Max(86400)
  ALERT_MACHINES_CACHE_SECONDS: number = 300;
}
