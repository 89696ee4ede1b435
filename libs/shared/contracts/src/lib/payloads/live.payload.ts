/** The state analytics gives a machine whose data has stopped arriving: a gap in the data is not a stop. */
export const UNAVAILABLE_STATE = 'UNAVAILABLE';

/** A machine's current status, as `GET /api/v1/analytics/live` lists it and `live.machine.<id>` carries it. */
export interface MachineLiveStatus {
  machine_id: string;
  /** The state of the machine's latest event (as the source names it), or UNAVAILABLE after a silence. */
  state: string;
  /** When the current state began (ISO 8601). */
  since: string | null;
  reason_code: string | null;
  current_job_id: string | null;
  part_count: number | null;
  /** Time of the latest event received. */
  last_event_at: string | null;
  /** Seconds since the latest event, when this status was read or sent. */
  last_event_age_seconds: number | null;
  /** Time of the latest data of any kind (event or sensor reading): what the silence is measured from. */
  last_data_at: string | null;
  updated_at: string;
}

/**
 * One WebSocket / live message (API.md "WebSocket"): `{ type, machine_id?, data, timestamp }`. `prediction` carries
 * an event of `ml.prediction.<type>` as its data (a PredictionEvent, or an AnomalyEvent for `anomaly`).
 */
export interface LiveMessage<T> {
  type: 'machine_status' | 'alert' | 'prediction';
  machine_id?: string;
  data: T;
  timestamp: string;
}

export const ALERT_KINDS = ['breakdown', 'long_stop', 'data_gap', 'scrap_burst'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type AlertLevel = 'critical' | 'warning' | 'info';

/** `alerts.raised` (stream ALERTS) and `live.alerts`: a critical shop-floor event analytics detected. */
export interface AlertRaised {
  /** Deterministic for the event it describes, so that replicas and redeliveries raise it once. */
  alert_id: string;
  machine_id: string;
  kind: AlertKind;
  level: AlertLevel;
  message: string;
  raised_at: string;
  details: Record<string, unknown>;
}

export interface LiveStatusList {
  items: MachineLiveStatus[];
  /** Seconds without data after which a machine is shown UNAVAILABLE. */
  silence_seconds: number;
}
