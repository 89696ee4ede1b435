import type { components, ErrorBody } from '@shopfloor/client';
import type { AlertCondition, AlertSeverity } from './alert-text';

export type Rule = components['schemas']['RuleView'];
export type RuleBody = components['schemas']['RuleBody'];
type WebhookFormat = components['schemas']['WebhookFormat'];

export interface ParamField {
  name: string;
  label: string;
  kind: 'integer' | 'ratio' | 'codes';
  required: boolean;
}

/**
 * The parameters each condition takes, for the form's inputs. Their ranges are checked by the API (one place for the
 * rule), and its answer is shown beside the field.
 */
export const CONDITION_PARAMS: Record<AlertCondition, ParamField[]> = {
  machine_down_longer_than: [
    { name: 'minutes', label: 'Minutes down', kind: 'integer', required: true },
    { name: 'downtime_types', label: 'Only these reason codes (comma-separated)', kind: 'codes', required: false },
  ],
  data_gap_longer_than: [{ name: 'minutes', label: 'Minutes without data', kind: 'integer', required: true }],
  oee_below: [
    { name: 'threshold', label: 'OEE threshold (0 to 1)', kind: 'ratio', required: true },
    { name: 'window_minutes', label: 'Window in minutes', kind: 'integer', required: false },
  ],
  scrap_rate_above: [
    { name: 'threshold', label: 'Scrap rate threshold (0 to 1)', kind: 'ratio', required: true },
    { name: 'window_minutes', label: 'Window in minutes', kind: 'integer', required: false },
  ],
  failure_risk_above: [
    { name: 'threshold', label: 'Risk threshold (0 to 1)', kind: 'ratio', required: true },
    { name: 'prediction_types', label: 'Prediction types (failure_risk, downtime)', kind: 'codes', required: false },
  ],
  maintenance_due_within: [{ name: 'hours', label: 'Hours', kind: 'integer', required: true }],
  anomaly_detected: [
    { name: 'min_score', label: 'Minimum score (0 to 1)', kind: 'ratio', required: false },
    { name: 'window_minutes', label: 'Window in minutes', kind: 'integer', required: false },
  ],
};

/** What the form edits, as the inputs hold it (strings; lists comma-separated). */
export interface RuleFormValues {
  name: string;
  condition: AlertCondition;
  params: Record<string, string>;
  severity: AlertSeverity;
  cooldown: string;
  enabled: boolean;
  machineIds: string;
  machineTypes: string;
  locations: string;
  email: boolean;
  emailTo: string;
  webhook: boolean;
  webhookUrl: string;
  webhookFormat: WebhookFormat;
  websocket: boolean;
}

/** Form field → message. `form` holds what belongs to no single field. */
export type FormErrors = Record<string, string>;

const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

export function emptyRule(): RuleFormValues {
  return {
    name: '',
    condition: 'machine_down_longer_than',
    params: { minutes: '15' },
    severity: 'warning',
    cooldown: '30',
    enabled: true,
    machineIds: '',
    machineTypes: '',
    locations: '',
    email: false,
    emailTo: '',
    webhook: false,
    webhookUrl: '',
    webhookFormat: 'json',
    websocket: true,
  };
}

/** The form's values of a stored rule. */
export function ruleToForm(rule: Rule): RuleFormValues {
  const email = rule.channels.find((c) => c.type === 'email');
  const webhook = rule.channels.find((c) => c.type === 'webhook');
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(rule.params)) params[key] = Array.isArray(value) ? value.join(', ') : String(value);
  return {
    name: rule.name,
    condition: rule.condition,
    params,
    severity: rule.severity,
    cooldown: String(rule.cooldown_minutes),
    enabled: rule.enabled,
    machineIds: rule.scope.machine_ids.join(', '),
    machineTypes: rule.scope.machine_types.join(', '),
    locations: rule.scope.locations.join(', '),
    email: Boolean(email),
    emailTo: email?.to?.join(', ') ?? '',
    webhook: Boolean(webhook),
    webhookUrl: webhook?.url ?? '',
    webhookFormat: webhook?.format ?? 'json',
    websocket: rule.channels.some((c) => c.type === 'websocket'),
  };
}

/**
 * The request body of the form's values, or what is wrong with them that the browser can tell (a number that is not
 * one, a required value left empty, no channel). Quiet hours and escalation are not edited here: an existing rule's are
 * kept as they are.
 */
export function formToBody(values: RuleFormValues, existing?: Rule): { body: RuleBody } | { errors: FormErrors } {
  const errors: FormErrors = {};
  if (!values.name.trim()) errors['name'] = 'Give the rule a name.';
  const params: Record<string, unknown> = {};
  for (const field of CONDITION_PARAMS[values.condition]) {
    const key = `params.${field.name}`;
    const raw = (values.params[field.name] ?? '').trim();
    if (!raw) {
      if (field.required) errors[key] = 'Required.';
      continue;
    }
    if (field.kind === 'codes') params[field.name] = list(raw);
    else {
      const value = Number(raw);
      if (!Number.isFinite(value)) errors[key] = 'Enter a number.';
      else params[field.name] = value;
    }
  }
  const cooldown = values.cooldown.trim() === '' ? undefined : Number(values.cooldown);
  if (cooldown !== undefined && !Number.isFinite(cooldown)) errors['cooldown'] = 'Enter a number of minutes.';
  const channels: RuleBody['channels'] = [];
  if (values.email) channels.push({ type: 'email', to: list(values.emailTo) });
  if (values.webhook) channels.push({ type: 'webhook', url: values.webhookUrl.trim(), format: values.webhookFormat });
  if (values.websocket) channels.push({ type: 'websocket' });
  if (channels.length === 0) errors['channels'] = 'Choose at least one channel.';
  if (Object.keys(errors).length > 0) return { errors };
  const body: RuleBody = {
    name: values.name.trim(),
    condition: values.condition,
    params,
    severity: values.severity,
    enabled: values.enabled,
    cooldown_minutes: cooldown,
    scope: { machine_ids: list(values.machineIds), machine_types: list(values.machineTypes), locations: list(values.locations) },
    channels,
  };
  if (existing?.quiet_hours) body.quiet_hours = existing.quiet_hours;
  if (existing?.escalation) body.escalation = existing.escalation;
  return { body };
}

const SCOPE_FIELDS: Record<string, string> = { machine_ids: 'machineIds', machine_types: 'machineTypes', locations: 'locations' };
const CHANNEL_FIELDS: Record<string, Record<string, string>> = {
  email: { to: 'emailTo' },
  webhook: { url: 'webhookUrl', format: 'webhookFormat' },
};

/** The form field an API field error belongs to (`params.minutes`, `channels.1.url` → webhookUrl, …), else `form`. */
export function formFieldOf(apiField: string, body: RuleBody): string {
  const [head, second, third] = apiField.split('.');
  if (head === 'name' || head === 'condition' || head === 'severity' || head === 'enabled') return head;
  if (head === 'cooldown_minutes') return 'cooldown';
  if (head === 'params') return second ? `params.${second}` : 'form';
  if (head === 'scope') return (second && SCOPE_FIELDS[second]) ?? 'form';
  if (head === 'channels') {
    const channel = second === undefined ? undefined : body.channels[Number(second)];
    if (!channel) return 'channels';
    return (third && CHANNEL_FIELDS[channel.type]?.[third]) ?? 'channels';
  }
  return 'form';
}

/** An API's refusal of a rule as messages per form field (several for one field are joined). */
export function apiErrorsToForm(error: Partial<ErrorBody> | undefined, body: RuleBody, fallback: string): FormErrors {
  const errors: FormErrors = {};
  for (const fe of error?.field_errors ?? []) {
    const field = formFieldOf(fe.field, body);
    const message = field === 'form' ? `${fe.field}: ${fe.message}` : fe.message;
    errors[field] = errors[field] ? `${errors[field]} ${message}` : message;
  }
  if (Object.keys(errors).length === 0) errors['form'] = typeof error?.message === 'string' ? error.message : fallback;
  return errors;
}
