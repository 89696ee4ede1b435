import type { AlertRaised, AnomalyEvent } from '@shopfloor/contracts';
import { judgeAnomaly, judgeOee, judgeScrapBurst, judgeState, judgeWindow, type ConditionFact } from './rule-evaluator';

const now = new Date('2026-06-01T10:00:00.000Z');
const minutesAgo = (m: number): Date => new Date(now.getTime() - m * 60_000);
const fact = (kind: string, since: Date, details: Record<string, unknown> = {}, clearedAt: Date | null = null): ConditionFact => ({
  kind,
  since,
  details,
  clearedAt,
});

describe('judgeState', () => {
  const down = (params: Record<string, unknown>, facts: ConditionFact[]) => judgeState({ condition: 'machine_down_longer_than', params }, 'M-1', facts, now);

  it('holds for a breakdown at once with minutes 0, with the minutes down and the reason', () => {
    const verdict = down({ minutes: 0 }, [fact('breakdown', minutesAgo(3), { state: 'DOWN', reason_code: 'SPINDLE' })]);
    expect(verdict).toMatchObject({ kind: 'holds', values: { minutes_down: 3, reason_code: 'SPINDLE', since: minutesAgo(3).toISOString() } });
    expect(verdict.kind === 'holds' && verdict.message).toBe('M-1 has been down for 3 min (SPINDLE)');
  });

  it('says nothing until the stop has lasted the minutes, and clears once the breakdown has ended', () => {
    expect(down({ minutes: 10 }, [fact('breakdown', minutesAgo(9), { state: 'DOWN' })])).toEqual({ kind: 'none' });
    expect(down({ minutes: 10 }, [fact('breakdown', minutesAgo(10), { state: 'DOWN' })])).toMatchObject({ kind: 'holds' });
    expect(down({ minutes: 10 }, [fact('breakdown', minutesAgo(30), { state: 'DOWN' }, minutesAgo(1))])).toMatchObject({ kind: 'clear' });
    expect(down({ minutes: 10 }, [])).toMatchObject({ kind: 'clear' });
  });

  it('counts an idle long stop only for the downtime types the rule names', () => {
    const idle = fact('long_stop', minutesAgo(40), { state: 'IDLE', reason_code: 'NO_MATERIAL' });
    expect(down({ minutes: 30 }, [idle])).toMatchObject({ kind: 'clear' });
    expect(down({ minutes: 30, downtime_types: ['NO_MATERIAL'] }, [idle])).toMatchObject({ kind: 'holds', values: { state: 'IDLE', minutes_down: 40 } });
    expect(down({ minutes: 30, downtime_types: ['TOOL'] }, [idle, fact('breakdown', minutesAgo(40), { state: 'DOWN', reason_code: 'SPINDLE' })])).toMatchObject(
      { kind: 'clear' },
    );
  });

  it('holds for a data gap from the last data on', () => {
    const gap = (minutes: number, facts: ConditionFact[]) => judgeState({ condition: 'data_gap_longer_than', params: { minutes } }, 'M-1', facts, now);
    expect(gap(15, [fact('data_gap', minutesAgo(14))])).toEqual({ kind: 'none' });
    expect(gap(15, [fact('data_gap', minutesAgo(20))])).toMatchObject({ kind: 'holds', values: { minutes_without_data: 20 } });
    expect(gap(15, [fact('data_gap', minutesAgo(20), {}, minutesAgo(2))])).toMatchObject({ kind: 'clear' });
  });

  it('judges the highest of the latest risk predictions, and clears when all are at or under the threshold', () => {
    const risk = (value: number, type = 'failure_risk') => fact(`prediction.${type}`, minutesAgo(5), { predicted_value: value, model_version: 3, factors: [] });
    const judge = (params: Record<string, unknown>, facts: ConditionFact[]) => judgeState({ condition: 'failure_risk_above', params }, 'M-1', facts, now);
    expect(judge({ threshold: 0.7 }, [risk(0.4), risk(0.82, 'downtime')])).toMatchObject({
      kind: 'holds',
      values: { risk: 0.82, prediction_type: 'downtime' },
    });
    expect(judge({ threshold: 0.7, prediction_types: ['failure_risk'] }, [risk(0.4), risk(0.82, 'downtime')])).toMatchObject({ kind: 'clear' });
    expect(judge({ threshold: 0.7 }, [risk(0.7)])).toMatchObject({ kind: 'clear' });
    expect(judge({ threshold: 0.7 }, [])).toEqual({ kind: 'none' });
  });

  it('counts down the hours a maintenance prediction gave, from when it was made', () => {
    const prediction = fact('prediction.maintenance_window', minutesAgo(600), {
      predicted_value: 30,
      window: { start: '2026-06-01T20:00:00Z', end: '2026-06-01T22:00:00Z' },
    });
    const judge = (hours: number) => judgeState({ condition: 'maintenance_due_within', params: { hours } }, 'M-1', [prediction], now);
    // 30 h predicted 10 h ago: 20 h left.
    expect(judge(24)).toMatchObject({ kind: 'holds', values: { hours_left: 20, predicted_failure_at: '2026-06-02T06:00:00.000Z' } });
    expect(judge(12)).toMatchObject({ kind: 'clear' });
  });
});

describe('event conditions', () => {
  const burst = (scrapped: number, produced: number, raisedAt = minutesAgo(1)): AlertRaised => ({
    alert_id: 'scrap_burst:J-1:14',
    machine_id: 'M-1',
    kind: 'scrap_burst',
    level: 'warning',
    message: '',
    raised_at: raisedAt.toISOString(),
    details: { job_id: 'J-1', scrapped, produced },
  });

  it('holds for a scrap burst over the threshold, and not for one under it or older than the window', () => {
    const rule = { condition: 'scrap_rate_above' as const, params: { threshold: 0.2, window_minutes: 30 } };
    expect(judgeScrapBurst(rule, burst(14, 40), now)).toMatchObject({ kind: 'holds', values: { scrap_rate: 0.35, scrapped: 14, produced: 40, job_id: 'J-1' } });
    expect(judgeScrapBurst(rule, burst(12, 0), now)).toMatchObject({ kind: 'holds', values: { scrap_rate: 1 } });
    expect(judgeScrapBurst(rule, burst(4, 40), now)).toEqual({ kind: 'none' });
    expect(judgeScrapBurst(rule, burst(14, 40, minutesAgo(31)), now)).toEqual({ kind: 'none' });
  });

  it('holds for an anomaly at or over the rule’s minimum score, else the model’s threshold', () => {
    const anomaly: AnomalyEvent = {
      anomaly_id: 'a',
      machine_id: 'M-1',
      at: minutesAgo(10).toISOString(),
      score: 0.66,
      threshold: 0.6,
      model_id: 'm',
      model_version: 2,
      factors: [],
    };
    expect(judgeAnomaly({ condition: 'anomaly_detected', params: {} }, anomaly, now)).toMatchObject({ kind: 'holds', values: { score: 0.66, min_score: 0.6 } });
    expect(judgeAnomaly({ condition: 'anomaly_detected', params: { min_score: 0.7 } }, anomaly, now)).toEqual({ kind: 'none' });
  });

  it('clears a windowed condition once its latest evidence is older than the window', () => {
    const rule = { condition: 'anomaly_detected' as const, params: {} };
    expect(judgeWindow(rule, minutesAgo(119), now)).toEqual({ kind: 'none' });
    expect(judgeWindow(rule, minutesAgo(120), now)).toMatchObject({ kind: 'clear' });
    expect(judgeWindow({ condition: 'scrap_rate_above', params: { threshold: 0.1, window_minutes: 15 } }, minutesAgo(15), now)).toMatchObject({
      kind: 'clear',
    });
  });

  it('judges OEE against the threshold, and says nothing when nothing was planned', () => {
    const rule = { condition: 'oee_below' as const, params: { threshold: 0.65, window_minutes: 60 } };
    const period = { from: minutesAgo(60), to: now };
    expect(judgeOee(rule, 'M-1', 0.523, period)).toMatchObject({ kind: 'holds', values: { oee: 0.52, threshold: 0.65, window_minutes: 60 } });
    expect(judgeOee(rule, 'M-1', 0.65, period)).toMatchObject({ kind: 'clear' });
    expect(judgeOee(rule, 'M-1', null, period)).toEqual({ kind: 'none' });
  });
});
