import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createShopfloorClient, type ShopfloorClient } from '@shopfloor/client';
import type { MachineRiskView, ModelView } from '@shopfloor/contracts';
import { createSourceDatabase, waitFor, workspaceRoot, type TestSourceDatabase } from '@shopfloor/testing';
import { ADMIN_KEY, Stack } from './stack';

const run = promisify(execFile);
const MACHINES = 12;
const DAYS = 60;
/** As npm start's demo: the first machines wear out faster. */
const BREAKDOWN_PRONE = 3;
/** What the README promises for a new installation: every machine has a risk within this long of the first start. */
const RISK_WITHIN_MS = 5 * 60_000;

/**
 * Models that work by themselves, as `npm start`'s demo runs: a new installation on the simulator's shop floor
 * (12 machines, 3 of them breakdown-prone, 60 days of history up to now) with the ml service's defaults — nobody trains or asks anything. The
 * history syncs, the shop-floor models train in the background, every machine is scored on the schedule, and a
 * failure_risk_above rule raises an alert for the machine most likely to break down.
 */
describe('ml that works by itself', () => {
  const stack = new Stack();
  const prefix = `A${randomBytes(2).toString('hex')}-`;
  const machines = Array.from({ length: MACHINES }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`);
  let source: TestSourceDatabase;
  let admin: ShopfloorClient;
  let started = 0;

  beforeAll(async () => {
    source = await createSourceDatabase('cimco_mlauto');
    const simulator = join(workspaceRoot(), 'dist', 'apps', 'simulator', 'apps', 'simulator', 'src', 'main.js');
    await run(
      process.execPath,
      [
        simulator,
        '--machines',
        String(MACHINES),
        '--days',
        String(DAYS),
        '--seed',
        '5',
        '--readings-interval-s',
        '300',
        '--breakdown-prone',
        String(BREAKDOWN_PRONE),
        '--machine-prefix',
        prefix,
      ],
      {
        env: { ...process.env, CIMCO_DATABASE_URL: source.url },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    started = Date.now();
    // The ml service's own defaults, except a shorter scoring interval so that the test sees two rounds quickly.
    await stack.start({
      CIMCO_DATABASE_URL: source.url,
      SYNC_INTERVAL_SECONDS: '5',
      ML_AUTO_TRAIN_MIN_DAYS: '7',
      ML_RETRAIN_HOURS: '168',
      ML_SCORING_INTERVAL_SECONDS: '20',
      ALERT_TICK_SECONDS: '1',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    admin = createShopfloorClient({ baseUrl: stack.gatewayUrl, apiKey: ADMIN_KEY });
  }, 180_000);

  afterAll(async () => {
    stack.kill();
    if (process.env.KEEP_E2E_DB) return;
    await stack.database?.drop();
    await source?.drop();
  });

  const risk = async (machineId: string): Promise<MachineRiskView | undefined> => {
    const { data } = await admin.GET('/api/v1/machines/{machine_id}/risk', { params: { path: { machine_id: machineId } } });
    return data;
  };

  it(
    `trains its models in the background and has a risk for every machine within ${RISK_WITHIN_MS / 60_000} minutes of the first start`,
    async () => {
      const views = await waitFor(
        'a downtime and failure risk for every machine',
        async () => {
          const all = await Promise.all(machines.map(risk));
          return all.every((v) => v?.downtime_24h && v.downtime_7d && v.failure_risk) ? (all as MachineRiskView[]) : undefined;
        },
        RISK_WITHIN_MS - (Date.now() - started),
        2000,
      );
      console.log(`Every machine had its risk ${((Date.now() - started) / 1000).toFixed(0)} s after the first start`);
      for (const view of views) {
        expect(view.failure_risk).toMatchObject({ horizon_hours: 168, model_version: 1 });
        expect(view.failure_risk?.factors.length).toBeGreaterThan(0);
        expect(view.downtime_24h?.predicted_value).toBeLessThanOrEqual(view.downtime_7d?.predicted_value ?? 1);
      }
      const { data: models } = await admin.GET('/api/v1/ml/models', { params: { query: {} } });
      const shopFloor = (models?.items ?? []).filter((m: ModelView) => m.dataset_id === null);
      // Each type trained once, active, and the registry says why.
      for (const type of ['downtime', 'failure_risk'] as const) {
        expect(shopFloor.filter((m: ModelView) => m.model_type === type)).toEqual([
          expect.objectContaining({ version: 1, active: true, promotion: expect.objectContaining({ decision: 'promoted' }) }),
        ]);
      }
    },
    RISK_WITHIN_MS + 60_000,
  );

  it('raises a failure_risk_above alert for the machine most likely to break down, from the scheduled scores alone', async () => {
    const views = (await Promise.all(machines.map(risk))) as MachineRiskView[];
    const ranked = views.map((v) => ({ machine: v.machine_id, p: v.failure_risk?.predicted_value ?? 0 })).sort((a, b) => b.p - a.p);
    // Between the most breakdown-prone machine and the next: only the first is over it.
    const threshold = ranked[0].p > ranked[1].p * 1.05 ? (ranked[0].p + ranked[1].p) / 2 : ranked[0].p * 0.95;
    const rule = await admin.POST('/api/v1/alerts/rules', {
      body: {
        name: 'Breakdown risk',
        condition: 'failure_risk_above',
        params: { threshold, prediction_types: ['failure_risk'] },
        scope: { machine_ids: machines },
        severity: 'warning',
        channels: [{ type: 'websocket' }],
      },
    });
    expect(rule.error).toBeUndefined();
    const alert = await waitFor(
      'the failure_risk_above alert',
      async () => {
        const { data } = await admin.GET('/api/v1/alerts', { params: { query: { machine_id: ranked[0].machine, state: 'open' } } });
        return data?.items.find((a) => a.rule_id === rule.data?.id);
      },
      90_000,
      1000,
    );
    expect(alert).toMatchObject({ machine_id: ranked[0].machine, condition: 'failure_risk_above' });
  }, 120_000);
});
