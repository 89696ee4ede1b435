import { validatePayload, RuleBody } from '@shopfloor/contracts';
import { paramProblems } from './rule-params';
import { ruleProblems } from './rule-problems';

const fieldsOf = (problems: { field: string }[]): string[] => problems.map((p) => p.field).sort();

const rule = (overrides: Record<string, unknown> = {}): RuleBody =>
  validatePayload(RuleBody, {
    name: 'Spindle',
    condition: 'machine_down_longer_than',
    params: { minutes: 10 },
    severity: 'critical',
    channels: [{ type: 'websocket' }],
    ...overrides,
  });

describe('paramProblems', () => {
  it('accepts each condition’s own parameters within range', () => {
    expect(paramProblems('machine_down_longer_than', { minutes: 0, downtime_types: ['SPINDLE', 'TOOL'] })).toEqual([]);
    expect(paramProblems('data_gap_longer_than', { minutes: 15 })).toEqual([]);
    expect(paramProblems('oee_below', { threshold: 0.65, window_minutes: 120 })).toEqual([]);
    expect(paramProblems('scrap_rate_above', { threshold: 0.1 })).toEqual([]);
    expect(paramProblems('failure_risk_above', { threshold: 0.7, prediction_types: ['failure_risk'] })).toEqual([]);
    expect(paramProblems('maintenance_due_within', { hours: 48 })).toEqual([]);
    expect(paramProblems('anomaly_detected', {})).toEqual([]);
  });

  it('names an unknown key, and says which keys the condition takes', () => {
    const [problem, ...rest] = paramProblems('data_gap_longer_than', { minutes: 15, threshold: 0.5 });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ field: 'params.threshold', invalid_value: 0.5 });
    expect(problem.message).toContain('minutes');
  });

  it('names a missing required parameter', () => {
    expect(paramProblems('maintenance_due_within', {})).toEqual([expect.objectContaining({ field: 'params.hours', invalid_value: null })]);
    expect(paramProblems('oee_below', { window_minutes: 60 })).toEqual([expect.objectContaining({ field: 'params.threshold' })]);
  });

  it('refuses values of the wrong type or out of range', () => {
    expect(fieldsOf(paramProblems('machine_down_longer_than', { minutes: 2.5 }))).toEqual(['params.minutes']);
    expect(fieldsOf(paramProblems('machine_down_longer_than', { minutes: -1 }))).toEqual(['params.minutes']);
    expect(fieldsOf(paramProblems('machine_down_longer_than', { minutes: 20_000 }))).toEqual(['params.minutes']);
    expect(fieldsOf(paramProblems('oee_below', { threshold: 65 }))).toEqual(['params.threshold']);
    expect(fieldsOf(paramProblems('oee_below', { threshold: '0.6' }))).toEqual(['params.threshold']);
    expect(fieldsOf(paramProblems('oee_below', { threshold: 0.6, window_minutes: 5 }))).toEqual(['params.window_minutes']);
    expect(fieldsOf(paramProblems('machine_down_longer_than', { minutes: 5, downtime_types: [] }))).toEqual(['params.downtime_types']);
    expect(fieldsOf(paramProblems('machine_down_longer_than', { minutes: 5, downtime_types: ['A', 'A'] }))).toEqual(['params.downtime_types']);
    expect(fieldsOf(paramProblems('failure_risk_above', { threshold: 0.5, prediction_types: ['maintenance_window'] }))).toEqual(['params.prediction_types']);
  });
});

describe('ruleProblems', () => {
  it('finds nothing wrong with a well-formed rule', () => {
    expect(
      ruleProblems(
        rule({
          quiet_hours: { timezone: 'Europe/Berlin', start: '22:00', end: '06:00' },
          escalation: { after_minutes: 15, channels: [{ type: 'email', to: ['lead@example.com'] }] },
        }),
      ),
    ).toEqual([]);
  });

  it('refuses a time zone that does not exist and quiet hours that never end', () => {
    expect(fieldsOf(ruleProblems(rule({ quiet_hours: { timezone: 'Europe/Atlantis', start: '22:00', end: '06:00' } })))).toEqual(['quiet_hours.timezone']);
    expect(fieldsOf(ruleProblems(rule({ quiet_hours: { timezone: 'UTC', start: '07:00', end: '07:00' } })))).toEqual(['quiet_hours']);
  });

  it('refuses channel fields of another channel type', () => {
    const problems = ruleProblems(
      rule({
        channels: [
          { type: 'email', to: ['a@example.com'], format: 'slack' },
          { type: 'webhook', url: 'https://hooks.example.com/x', to: ['a@example.com'] },
          { type: 'websocket', url: 'https://example.com' },
        ],
      }),
    );
    expect(fieldsOf(problems)).toEqual(['channels.0.format', 'channels.1.to', 'channels.2.url']);
  });

  it('refuses an escalation that reaches nobody new', () => {
    expect(fieldsOf(ruleProblems(rule({ escalation: { after_minutes: 10, channels: [{ type: 'websocket' }] } })))).toEqual(['escalation.channels']);
  });

  it('reports the parameters and everything else together', () => {
    expect(
      fieldsOf(ruleProblems(rule({ params: { minutes: 10, hours: 3 }, quiet_hours: { timezone: 'Mars/Olympus', start: '22:00', end: '06:00' } }))),
    ).toEqual(['params.hours', 'quiet_hours.timezone']);
  });
});
