import { apiErrorsToForm, emptyRule, formFieldOf, formToBody, ruleToForm, type Rule, type RuleBody } from './rule-form';

const rule: Rule = {
  id: 'r1',
  name: 'Spindle',
  condition: 'machine_down_longer_than',
  params: { minutes: 5, downtime_types: ['SPINDLE', 'TOOL'] },
  severity: 'critical',
  cooldown_minutes: 10,
  enabled: true,
  is_default: false,
  scope: { machine_ids: ['M-1', 'M-2'], machine_types: [], locations: ['Hall 1'] },
  channels: [{ type: 'email', to: ['a@example.com'] }, { type: 'websocket' }],
  quiet_hours: { days: ['sat', 'sun'], start: '22:00', end: '06:00', except_critical: true, timezone: 'Europe/Berlin' },
  escalation: null,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

describe(formToBody.name, () => {
  it('turns the inputs into a rule body with numbers, lists and the chosen channels', () => {
    const result = formToBody(ruleToForm(rule), rule);
    expect(result).toEqual({
      body: {
        name: 'Spindle',
        condition: 'machine_down_longer_than',
        params: { minutes: 5, downtime_types: ['SPINDLE', 'TOOL'] },
        severity: 'critical',
        enabled: true,
        cooldown_minutes: 10,
        scope: { machine_ids: ['M-1', 'M-2'], machine_types: [], locations: ['Hall 1'] },
        channels: [{ type: 'email', to: ['a@example.com'] }, { type: 'websocket' }],
        quiet_hours: rule.quiet_hours,
      },
    });
  });

  it('sends only the parameters of the chosen condition', () => {
    const values = { ...emptyRule(), name: 'Low OEE', condition: 'oee_below' as const, params: { minutes: '5', threshold: '0.6', window_minutes: '' } };
    const result = formToBody(values);
    expect('body' in result && result.body.params).toEqual({ threshold: 0.6 });
  });

  it('says what the browser can tell is wrong, field by field', () => {
    const values = { ...emptyRule(), name: ' ', params: { minutes: 'soon' }, websocket: false, cooldown: 'x' };
    expect(formToBody(values)).toEqual({
      errors: {
        name: 'Give the rule a name.',
        'params.minutes': 'Enter a number.',
        cooldown: 'Enter a number of minutes.',
        channels: 'Choose at least one channel.',
      },
    });
  });

  it('leaves ranges to the API', () => {
    const result = formToBody({ ...emptyRule(), name: 'Too long', params: { minutes: '99999' } });
    expect('body' in result && result.body.params).toEqual({ minutes: 99999 });
  });
});

describe(formFieldOf.name, () => {
  const body: RuleBody = {
    name: 'x',
    condition: 'data_gap_longer_than',
    params: {},
    severity: 'info',
    channels: [{ type: 'websocket' }, { type: 'webhook', url: 'ftp://x' }],
  };

  it('finds the input of a parameter, a scope list and a channel setting', () => {
    expect(formFieldOf('params.minutes', body)).toBe('params.minutes');
    expect(formFieldOf('scope.machine_types', body)).toBe('machineTypes');
    expect(formFieldOf('channels.1.url', body)).toBe('webhookUrl');
    expect(formFieldOf('cooldown_minutes', body)).toBe('cooldown');
  });

  it('puts what has no input of its own with the form', () => {
    expect(formFieldOf('quiet_hours.timezone', body)).toBe('form');
    expect(formFieldOf('channels.7.url', body)).toBe('channels');
  });
});

describe(apiErrorsToForm.name, () => {
  const body: RuleBody = { name: 'x', condition: 'machine_down_longer_than', params: { minutes: 99999 }, severity: 'info', channels: [{ type: 'websocket' }] };

  it('places each field error beside its input', () => {
    const errors = apiErrorsToForm(
      { message: 'Invalid rule: params.minutes', field_errors: [{ field: 'params.minutes', message: 'minutes must be at most 10080', invalid_value: 99999 }] },
      body,
      'failed',
    );
    expect(errors).toEqual({ 'params.minutes': 'minutes must be at most 10080' });
  });

  it("falls back to the API's message when no field is named", () => {
    expect(apiErrorsToForm({ message: 'notification is unavailable' }, body, 'failed')).toEqual({ form: 'notification is unavailable' });
  });
});
