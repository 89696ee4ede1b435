import type { AlertView } from '@shopfloor/contracts';

/**
 * M-001 broke down at 01:58 CET on the night Europe/Berlin moves to summer time; the alert opened at 03:10 CEST,
 * twelve minutes later.
 */
export function breakdownAlert(overrides: Partial<AlertView> = {}): AlertView {
  return {
    id: '6f1c2b1e-3d4a-4c5b-9e8f-0a1b2c3d4e5f',
    rule_id: '0b7e2a9c-1d2e-4f3a-8b9c-0d1e2f3a4b5c',
    machine_id: 'M-001',
    condition: 'machine_down_longer_than',
    severity: 'critical',
    state: 'open',
    opened_at: '2026-03-29T01:10:00.000Z',
    updated_at: '2026-03-29T01:10:00.000Z',
    acknowledged_at: null,
    acknowledged_by: null,
    resolved_at: null,
    resolved_by: null,
    escalated_at: null,
    values: { since: '2026-03-29T00:58:00.000Z', reason_code: 'SPINDLE', threshold_minutes: 10 },
    message: 'M-001 is down (SPINDLE)',
    ...overrides,
  };
}
