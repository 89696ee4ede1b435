import type { AnomalyEvent, PredictionEvent } from '@shopfloor/contracts';
import { predictionLiveMessage } from './prediction-message';

const NOW = new Date('2026-12-05T10:00:00.000Z');
const relay = (event: unknown) => predictionLiveMessage(typeof event === 'string' ? event : JSON.stringify(event), () => NOW);

const prediction: PredictionEvent = {
  prediction_id: '0f0c6a52-1c3e-4c61-9f5e-1d2d7a0c9b11',
  machine_id: 'M-001',
  prediction_type: 'failure_risk',
  predicted_value: 0.82,
  threshold: 0.5,
  horizon_hours: 168,
  model_id: '5b1d1e7e-8a57-4c39-a1c4-3f3c2b9f0d20',
  model_version: 3,
  predicted_at: '2026-12-05T09:55:00.000Z',
  window: null,
  factors: [{ feature: 'spindle_temp_mean_24h', value: 71.5, contribution: 0.31 }],
  above_threshold: true,
  transition: 'raised',
};

const anomaly: AnomalyEvent = {
  anomaly_id: '7d7c3b2e-0a0c-4f2a-9b1e-0c9e3a1f5d42',
  machine_id: 'M-002',
  at: '2026-12-05T09:00:00.000Z',
  score: 0.93,
  threshold: 0.7,
  model_id: '2a4f9c1d-6b0e-4f7a-8d3c-5e1b9a7c0f33',
  model_version: 1,
  factors: [],
};

describe(predictionLiveMessage.name, () => {
  it('wraps a prediction event as a prediction live message of its machine, stamped with its prediction time', () => {
    const result = relay(prediction);
    expect(result).toEqual({ ok: true, machineId: 'M-001', text: expect.any(String) });
    expect(result.ok && JSON.parse(result.text)).toEqual({ type: 'prediction', machine_id: 'M-001', data: prediction, timestamp: prediction.predicted_at });
  });

  it('stamps an anomaly with the hour it judged', () => {
    const result = relay(anomaly);
    expect(result.ok && JSON.parse(result.text)).toEqual({ type: 'prediction', machine_id: 'M-002', data: anomaly, timestamp: anomaly.at });
  });

  it('passes fields it does not know on as they are, and stamps an event without a time of its own with now', () => {
    const result = relay({ machine_id: 'M-003', prediction_type: 'downtime', future_field: { a: [1, 2] } });
    expect(result.ok && JSON.parse(result.text)).toEqual({
      type: 'prediction',
      machine_id: 'M-003',
      data: { machine_id: 'M-003', prediction_type: 'downtime', future_field: { a: [1, 2] } },
      timestamp: NOW.toISOString(),
    });
  });

  it('keeps a machine id with characters a subject token could not hold', () => {
    expect(relay({ ...prediction, machine_id: 'Halle 1.Drehmaschine *' })).toMatchObject({ ok: true, machineId: 'Halle 1.Drehmaschine *' });
  });

  it('drops what is not a JSON object', () => {
    for (const text of ['', 'not json', '{"machine_id":', '[]', '[{"machine_id":"M-001"}]', 'null', '"M-001"', '42', 'true']) {
      expect({ text, result: relay(text) }).toEqual({ text, result: { ok: false, reason: 'not_a_json_object' } });
    }
  });

  it('drops an event about no machine: machine_id missing, null, empty or not a string', () => {
    for (const machineId of [undefined, null, '', 42, ['M-001'], { id: 'M-001' }]) {
      expect({ machineId, result: relay({ ...prediction, machine_id: machineId }) }).toEqual({ machineId, result: { ok: false, reason: 'no_machine_id' } });
    }
  });
});
