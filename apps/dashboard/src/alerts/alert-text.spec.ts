import { actionsFor, describeCondition, refusalMessage } from './alert-text';

const pct = (v: number) => new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 }).format(v);

describe(describeCondition.name, () => {
  it('puts the parameters of each condition in words', () => {
    expect(describeCondition('machine_down_longer_than', { minutes: 5 })).toBe('Machine down longer than 5 min');
    expect(describeCondition('machine_down_longer_than', { minutes: 0, downtime_types: ['SPINDLE', 'TOOL'] })).toBe(
      'Machine down longer than 0 min (SPINDLE, TOOL)',
    );
    expect(describeCondition('oee_below', { threshold: 0.6, window_minutes: 60 })).toBe(`OEE below ${pct(0.6)} over 60 min`);
    expect(describeCondition('failure_risk_above', { threshold: 0.8 })).toBe(`Failure risk above ${pct(0.8)}`);
    expect(describeCondition('maintenance_due_within', { hours: 24 })).toBe('Maintenance due within 24 h');
    expect(describeCondition('anomaly_detected', {})).toBe('Anomaly detected');
  });

  it('marks a missing or malformed parameter rather than failing', () => {
    expect(describeCondition('data_gap_longer_than', { minutes: 'ten' })).toBe('No data for longer than ? min');
  });
});

describe(refusalMessage.name, () => {
  it('says an alert was already acknowledged when the API answers 409', () => {
    expect(refusalMessage('acknowledge', 409, { details: { id: 'a', state: 'acknowledged' } })).toBe(
      'Not acknowledged: this alert is already acknowledged. The list shows its current state.',
    );
    expect(refusalMessage('resolve', 409, { details: { id: 'a', state: 'resolved' } })).toContain('already resolved');
  });

  it("passes the API's message on for other failures", () => {
    expect(refusalMessage('resolve', 503, { message: 'notification is unavailable' })).toBe('notification is unavailable');
    expect(refusalMessage('resolve', 500, undefined)).toBe('The alert could not be resolved (HTTP 500).');
  });
});

describe(actionsFor.name, () => {
  it('offers only what the state still allows', () => {
    expect(actionsFor('open')).toEqual(['acknowledge', 'resolve']);
    expect(actionsFor('acknowledged')).toEqual(['resolve']);
    expect(actionsFor('resolved')).toEqual([]);
  });
});
