import { WALL_TIME_PATTERN } from '@shopfloor/time';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsBoundedRecord } from './bounded-record';
import { WEEKDAYS, type WeekdayName } from './calendar.payload';
import type { AlertKind } from './live.payload';
import { Omittable } from './omittable';
import { REPORT_FILE_FORMATS, REPORT_GROUPS, REPORT_METRICS, type ReportFileFormat, type ReportGroup, type ReportMetric } from './report.payload';

/** What a rule watches for (API.md "Alerts and notifications"); each takes its own `params`. */
export const ALERT_CONDITIONS = [
  'machine_down_longer_than',
  'data_gap_longer_than',
  'oee_below',
  'scrap_rate_above',
  'failure_risk_above',
  'maintenance_due_within',
  'anomaly_detected',
] as const;
export type AlertCondition = (typeof ALERT_CONDITIONS)[number];

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const ALERT_STATES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const WEBHOOK_FORMATS = ['json', 'slack', 'teams'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

const MAX_RECIPIENTS = 50;

/** An alert: one episode of one condition on one machine, from opening to resolution. */
export interface AlertView {
  id: string;
  /** The rule that opened it (null once the rule is deleted). */
  rule_id: string | null;
  machine_id: string;
  condition: AlertCondition;
  severity: AlertSeverity;
  state: AlertState;
  opened_at: string;
  updated_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  resolved_at: string | null;
  /** Who resolved it, or null when the condition cleared by itself. */
  resolved_by: string | null;
  /** When the rule's escalation went out (not acknowledged in time), else null. */
  escalated_at: string | null;
  /** What was measured: minutes down, the risk, the OEE, … as of the latest update. */
  values: Record<string, unknown>;
  message: string;
}

export const ALERT_TIMELINE_KINDS = ['opened', 'updated', 'acknowledged', 'resolved', 'escalated', 'notified'] as const;
export type AlertTimelineKind = (typeof ALERT_TIMELINE_KINDS)[number];

export interface AlertTimelineEntry {
  at: string;
  kind: AlertTimelineKind;
  /** Who did it (a key's name), or null for the platform itself. */
  by: string | null;
  comment: string | null;
  values: Record<string, unknown> | null;
}

export interface AlertDetailView extends AlertView {
  timeline: AlertTimelineEntry[];
}

export interface AlertPage {
  items: AlertView[];
  next_cursor: string | null;
}

/** `GET /api/v1/alerts` query and `notification.alerts.list`: newest first. */
export class ListAlertsQuery {
  @Omittable()
  @IsIn(ALERT_STATES)
  state?: AlertState;

  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  machine_id?: string;

  @Omittable()
  @IsIn(ALERT_SEVERITIES)
  severity?: AlertSeverity;

  /** Alerts opened at or after this time (ISO 8601 with offset). */
  @Omittable()
  @IsISO8601({ strict: true })
  from?: string;

  /** Alerts opened before this time. */
  @Omittable()
  @IsISO8601({ strict: true })
  to?: string;

  /** Opaque cursor from the previous page's `next_cursor`. */
  @Omittable()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** `notification.alerts.get` */
export class AlertIdRequest {
  @IsUUID()
  id!: string;
}

/** `POST /api/v1/alerts/{id}/acknowledge` and `.../resolve` body. */
export class AlertActionBody {
  @Omittable()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}

/** `notification.alerts.acknowledge` / `.resolve`: the body with the alert and who acts (a key's name and id). */
export class AlertActionRequest extends AlertActionBody {
  @IsUUID()
  id!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  by!: string;
}

/** Which machines a rule watches; every list left out or empty means all. */
export class RuleScope {
  @Omittable()
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(50, { each: true })
  machine_ids?: string[];

  @Omittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(50, { each: true })
  machine_types?: string[];

  @Omittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  locations?: string[];
}

/** Hours in which e-mails and webhooks of non-critical alerts wait until the quiet ends (alerts still open). */
export class QuietHours {
  /** IANA time zone the hours are wall-clock times in. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  timezone!: string;

  /** 'HH:MM'; at or after `end` means the quiet crosses midnight. */
  @IsString()
  @Matches(WALL_TIME_PATTERN, { message: 'start must be a wall time HH:MM' })
  start!: string;

  @IsString()
  @Matches(WALL_TIME_PATTERN, { message: 'end must be a wall time HH:MM' })
  end!: string;

  /** Days the quiet starts on; default every day. */
  @Omittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsIn(WEEKDAYS, { each: true })
  days?: WeekdayName[];

  /** Critical alerts go out during the quiet hours too (default true). */
  @Omittable()
  @IsBoolean()
  except_critical?: boolean;
}

export const CHANNEL_TYPES = ['email', 'webhook', 'websocket'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** Where a rule's notifications go. `websocket` is /ws/alerts, which every alert reaches anyway. */
export class ChannelBody {
  @IsIn(CHANNEL_TYPES)
  type!: ChannelType;

  /** E-mail: the recipients (required for e-mail). */
  @ValidateIf((channel: ChannelBody) => channel.type === 'email' || channel.to !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RECIPIENTS)
  @ArrayUnique()
  @IsEmail({}, { each: true })
  @MaxLength(254, { each: true })
  to?: string[];

  /** Webhook: the URL the JSON is POSTed to, http or https (required for a webhook). */
  @ValidateIf((channel: ChannelBody) => channel.type === 'webhook' || channel.url !== undefined)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  url?: string;

  /** Webhook: plain JSON, or a Slack or Teams message. Default json. */
  @Omittable()
  @IsIn(WEBHOOK_FORMATS)
  format?: WebhookFormat;
}

/** A second round of notification when an alert is not acknowledged in time. */
export class EscalationBody {
  @IsInt()
  @Min(1)
  @Max(10_080)
  after_minutes!: number;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ChannelBody)
  channels!: ChannelBody[];
}

/** `POST /api/v1/alerts/rules` and `PUT /api/v1/alerts/rules/{id}` body. */
export class RuleBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @IsIn(ALERT_CONDITIONS)
  condition!: AlertCondition;

  /**
   * The condition's parameters: machine_down_longer_than `minutes` (0..10080) and optional `downtime_types` (reason
   * codes); data_gap_longer_than `minutes`; oee_below `threshold` 0..1 and `window_minutes` (15..10080, default 60);
   * scrap_rate_above `threshold` 0..1 and `window_minutes` (default 60); failure_risk_above `threshold` 0..1 and
   * optional `prediction_types` (failure_risk, downtime); maintenance_due_within `hours` (1..8760); anomaly_detected
   * optional `min_score` 0..1 and `window_minutes` (default 120).
   */
  @IsBoundedRecord({ maxKeys: 10, maxArrayItems: 20, maxStringLength: 64 })
  params!: Record<string, unknown>;

  @Omittable()
  @ValidateNested()
  @Type(() => RuleScope)
  scope?: RuleScope;

  @IsIn(ALERT_SEVERITIES)
  severity!: AlertSeverity;

  /** After an alert of this rule on a machine resolves, no new one opens for it for this long. Default 30. */
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(10_080)
  cooldown_minutes?: number;

  @Omittable()
  @ValidateNested()
  @Type(() => QuietHours)
  quiet_hours?: QuietHours;

  @Omittable()
  @ValidateNested()
  @Type(() => EscalationBody)
  escalation?: EscalationBody;

  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ChannelBody)
  channels!: ChannelBody[];

  /** Default true. */
  @Omittable()
  @IsBoolean()
  enabled?: boolean;
}

/** `notification.rules.update`: the body and the rule. */
export class RuleUpdateRequest extends RuleBody {
  @IsUUID()
  id!: string;
}

export interface ChannelView {
  type: ChannelType;
  to?: string[];
  url?: string;
  format?: WebhookFormat;
}

export interface RuleView {
  id: string;
  name: string;
  condition: AlertCondition;
  params: Record<string, unknown>;
  scope: { machine_ids: string[]; machine_types: string[]; locations: string[] };
  severity: AlertSeverity;
  cooldown_minutes: number;
  quiet_hours: { timezone: string; start: string; end: string; days: WeekdayName[]; except_critical: boolean } | null;
  escalation: { after_minutes: number; channels: ChannelView[] } | null;
  channels: ChannelView[];
  enabled: boolean;
  /** One of the rules a new installation starts with (breakdown, data gap); editable and deletable like any. */
  is_default: boolean;
  created_at: string;
  updated_at: string;
}

/** `alerts.cleared` (stream ALERTS): a condition analytics raised has ended (the machine runs again, data is back). */
export interface AlertCleared {
  machine_id: string;
  kind: AlertKind;
  cleared_at: string;
  details: Record<string, unknown>;
}

/** The prediction kinds published on `ml.prediction.<type>` (stream ML_PREDICTIONS). */
export const PREDICTION_EVENT_TYPES = ['downtime', 'failure_risk', 'maintenance_window'] as const;
export type PredictionEventType = (typeof PREDICTION_EVENT_TYPES)[number];

/**
 * `ml.prediction.<type>`: every stored prediction of a machine, low or high, so that a consumer sees a risk both
 * rise over its threshold and fall back under it.
 */
export interface PredictionEvent {
  prediction_id: string;
  machine_id: string;
  prediction_type: PredictionEventType;
  /** Probability (downtime, failure_risk) or hours to the next breakdown (maintenance_window). */
  predicted_value: number;
  /** The model's decision threshold for a probability, else null. */
  threshold: number | null;
  horizon_hours: number | null;
  model_id: string;
  model_version: number;
  predicted_at: string;
  /** The recommended maintenance window (maintenance_window only). */
  window: { start: string; end: string } | null;
  factors: { feature: string; value: number | null; contribution: number }[];
  /** Whether the value is at or over the threshold (null without one). Absent in events of older versions. */
  above_threshold?: boolean | null;
  /**
   * Against the machine's previous prediction of the same kind and horizon: `raised` when it crossed the threshold
   * upwards, `cleared` when it fell back under it, null otherwise (or for the first one, which is `raised` when over).
   */
  transition?: 'raised' | 'cleared' | null;
}

export const DELIVERY_STATES = ['pending', 'sent', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** One e-mail or webhook call of the outbox. */
export interface DeliveryView {
  id: string;
  channel: 'email' | 'webhook';
  /** The recipients, or the webhook URL without its query string (which may hold a token). */
  target: string;
  alert_id: string | null;
  schedule_id: string | null;
  state: DeliveryState;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  sent_at: string | null;
  /** Sent as Message-ID / X-Delivery-Id: the same for every attempt, for the receiver to drop repeats. */
  message_id: string;
}

export interface DeliveryPage {
  items: DeliveryView[];
  next_cursor: string | null;
}

/** `GET /api/v1/notifications/deliveries` query and `notification.deliveries.list`: newest first. */
export class ListDeliveriesQuery {
  @Omittable()
  @IsIn(DELIVERY_STATES)
  state?: DeliveryState;

  @Omittable()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** What period a scheduled custom report covers, ending at the run's own time in the schedule's zone. */
export const SCHEDULE_PERIODS = ['previous_day', 'previous_week', 'previous_month', 'last_24_hours'] as const;
export type SchedulePeriod = (typeof SCHEDULE_PERIODS)[number];

/** The report a schedule sends: the daily report (of the day before the run), or a custom report over a period. */
export class ScheduledReportBody {
  @IsIn(['daily', 'custom'])
  kind!: 'daily' | 'custom';

  /** Custom only: as in POST /api/v1/reports/custom. */
  @ValidateIf((report: ScheduledReportBody) => report.kind === 'custom' || report.metrics !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REPORT_METRICS.length)
  @ArrayUnique()
  @IsIn(REPORT_METRICS, { each: true })
  metrics?: ReportMetric[];

  @Omittable()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(50, { each: true })
  machine_ids?: string[];

  /** Custom only; default previous_day. */
  @Omittable()
  @IsIn(SCHEDULE_PERIODS)
  period?: SchedulePeriod;

  @Omittable()
  @IsIn(REPORT_GROUPS)
  group_by?: ReportGroup;

  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  title?: string;
}

/** `POST /api/v1/reports/schedules` body. */
export class ReportScheduleBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  /** Five-field cron (minute hour day-of-month month day-of-week), in wall-clock time of `timezone`. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  cron!: string;

  /** IANA time zone; a 06:05 schedule runs at 06:05 on both sides of a clock change. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  timezone!: string;

  @ValidateNested()
  @Type(() => ScheduledReportBody)
  report!: ScheduledReportBody;

  @IsIn(REPORT_FILE_FORMATS)
  format!: ReportFileFormat;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RECIPIENTS)
  @ArrayUnique()
  @IsEmail({}, { each: true })
  @MaxLength(254, { each: true })
  recipients!: string[];

  /** Default true. */
  @Omittable()
  @IsBoolean()
  enabled?: boolean;
}

export interface ReportScheduleView {
  id: string;
  name: string;
  cron: string;
  timezone: string;
  report: {
    kind: 'daily' | 'custom';
    metrics: ReportMetric[] | null;
    machine_ids: string[] | null;
    period: SchedulePeriod | null;
    group_by: ReportGroup | null;
    title: string | null;
  };
  format: ReportFileFormat;
  recipients: string[];
  enabled: boolean;
  /** The next time it runs (ISO 8601 with the zone's offset). */
  next_run_at: string | null;
  created_at: string;
}

export const REPORT_RUN_STATES = ['running', 'sent', 'failed'] as const;
export type ReportRunState = (typeof REPORT_RUN_STATES)[number];

export interface ReportRunView {
  id: string;
  schedule_id: string;
  /** The time it was due (its cron time). */
  scheduled_for: string;
  started_at: string;
  finished_at: string | null;
  state: ReportRunState;
  /** The e-mail that carried the file (see GET /api/v1/notifications/deliveries). */
  delivery_id: string | null;
  file_name: string | null;
  error: string | null;
}

/** `GET /api/v1/reports/schedules/{id}/runs` query. */
export class ScheduleRunsQuery {
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** `notification.schedules.runs` */
export class ScheduleRunsRequest extends ScheduleRunsQuery {
  @IsUUID()
  id!: string;
}
