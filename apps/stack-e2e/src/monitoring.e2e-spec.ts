import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { parse, stringify } from 'yaml';
import type { SyncStatusView } from '@shopfloor/contracts';
import { createSourceDatabase, freePort, waitFor, workspaceRoot, type TestSourceDatabase } from '@shopfloor/testing';
import { ADMIN_KEY, Stack } from './stack';

const run = promisify(execFile);

/**
 * Panels whose queries have no series in this test, each for a reason that is not a fault. The test fails when one
 * of them does return data, so that the list only holds what is still true.
 */
const NO_DATA_HERE: Record<string, string> = {
  'Shopfloor: ML / Live accuracy of active models':
    'no model is trained here (a training takes minutes; the ml suites train), and live accuracy needs predictions whose horizon has passed',
  'Shopfloor: ML / Outcomes the accuracy rests on': 'exported only for an active model version, and none is trained here',
  'Shopfloor: data pipeline / Records rejected by consumers (1 h)':
    'no consumer rejects a record of the simulated shop floor; the counter gets its consumer and entity labels with its first rejection',
  'Shopfloor: API / WebSocket evictions (1 h)':
    'no WebSocket client connects here, so none is evicted; the counter gets its reason label with its first eviction',
};

interface PanelQuery {
  panel: string;
  expr: string;
}

/** Every query of every panel of deploy/grafana/dashboards, named "<dashboard> / <panel>". */
function dashboardQueries(): PanelQuery[] {
  const dir = join(workspaceRoot(), 'deploy', 'grafana', 'dashboards');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => {
      const dashboard = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { title: string; panels: { title: string; targets: { expr: string }[] }[] };
      return dashboard.panels.flatMap((p) => p.targets.map((t) => ({ panel: `${dashboard.title} / ${p.title}`, expr: t.expr })));
    });
}

/**
 * Prometheus against the running stack, configured as deploy/prometheus/prometheus.yml (the same jobs and rules),
 * each job's compose target replaced by the service's local port, scraping and evaluating every second.
 */
describe('monitoring: Prometheus scraping the stack, and every dashboard panel', () => {
  const stack = new Stack();
  const prefix = `M${randomBytes(3).toString('hex')}-`;
  let source: TestSourceDatabase;
  let prometheus: ChildProcess | undefined;
  let prometheusUrl = '';
  let workDir = '';
  const prometheusLog: string[] = [];
  const api = (path: string) => request(stack.gatewayUrl).get(path).set('X-API-Key', ADMIN_KEY);

  async function query(expr: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
    const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(expr)}`);
    const body = (await response.json()) as {
      status: string;
      error?: string;
      data?: { result: { metric: Record<string, string>; value: [number, string] }[] };
    };
    if (body.status !== 'success') throw new Error(`${expr}: ${body.error ?? response.status}`);
    return body.data?.result ?? [];
  }

  beforeAll(async () => {
    source = await createSourceDatabase('cimco_monitoring');
    const simulator = join(workspaceRoot(), 'dist', 'apps', 'simulator', 'apps', 'simulator', 'src', 'main.js');
    await run(process.execPath, [simulator, '--machines', '3', '--days', '2', '--seed', '5', '--readings-interval-s', '900', '--machine-prefix', prefix], {
      env: { ...process.env, CIMCO_DATABASE_URL: source.url },
      maxBuffer: 16 * 1024 * 1024,
    });
    await stack.start({ CIMCO_DATABASE_URL: source.url, SYNC_INTERVAL_SECONDS: '0', SYNC_SAFETY_LAG_MS: '0' });

    // Some of everything the dashboards show: a sync, cached and uncached answers, client errors.
    const started = await request(stack.gatewayUrl).post('/api/v1/data/sync').set('X-API-Key', ADMIN_KEY).send({ mode: 'full' });
    expect(started.status).toBe(202);
    const id = (started.body as { sync_id: string }).sync_id;
    const last = await waitFor(
      'the sync to finish',
      async () => {
        const run = ((await api('/api/v1/data/sync-status')).body as SyncStatusView).last_run;
        return run?.sync_id === id && run.state !== 'running' ? run : undefined;
      },
      90_000,
      500,
    );
    expect(last.state).toBe('succeeded');
    const now = new Date();
    const oee = `/api/v1/analytics/oee?from=${new Date(now.getTime() - 86_400_000).toISOString()}&to=${now.toISOString()}`;
    for (let i = 0; i < 3; i += 1) expect((await api(oee)).status).toBe(200);
    expect((await api('/api/v1/machines')).status).toBe(200);
    expect((await api('/api/v1/no-such-route')).status).toBe(404);
    expect((await request(stack.gatewayUrl).get('/api/v1/machines')).status).toBe(401);

    workDir = mkdtempSync(join(tmpdir(), 'shopfloor-prometheus-'));
    const config = parse(readFileSync(join(workspaceRoot(), 'deploy', 'prometheus', 'prometheus.yml'), 'utf8')) as {
      global: Record<string, string>;
      rule_files: string[];
      scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
    };
    config.global = { ...config.global, scrape_interval: '1s', evaluation_interval: '1s' };
    config.rule_files = config.rule_files.map((f) => join(workspaceRoot(), 'deploy', 'prometheus', f));
    for (const job of config.scrape_configs) {
      const port = stack.ports.get(job.job_name);
      if (!port) throw new Error(`prometheus.yml scrapes ${job.job_name}, which the stack does not run`);
      job.static_configs = [{ targets: [`127.0.0.1:${port}`] }];
    }
    writeFileSync(join(workDir, 'prometheus.yml'), stringify(config));
    const port = await freePort();
    prometheusUrl = `http://127.0.0.1:${port}`;
    prometheus = spawn(
      'prometheus',
      [`--config.file=${join(workDir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(workDir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    prometheus.on('error', (error) => prometheusLog.push(`could not start prometheus (apt-get install -y prometheus): ${error.message}`));
    prometheus.stderr?.on('data', (chunk: Buffer) => prometheusLog.push(chunk.toString()));
    await waitFor('Prometheus to be ready', async () => (await fetch(`${prometheusUrl}/-/ready`).catch(() => undefined))?.status === 200, 30_000, 250).catch(
      (error: Error) => {
        throw new Error(`${error.message}\n${prometheusLog.join('').slice(-3000)}`);
      },
    );
    // Every job up, scraped a few times, and the rules evaluated over those scrapes.
    await waitFor(
      'five scrapes of every service',
      async () => (await query('count(count_over_time(up[1m]) >= 5 and up == 1)'))[0]?.value[1] === '5',
      60_000,
      500,
    );
  }, 240_000);

  afterAll(async () => {
    prometheus?.kill('SIGTERM');
    if (prometheus && prometheus.exitCode === null) await new Promise((resolve) => prometheus?.once('exit', resolve));
    if (workDir) rmSync(workDir, { recursive: true, force: true });
    await stack.stop();
    await source?.drop();
  }, 60_000);

  it('sees the sync in the pipeline metrics', async () => {
    const published = await query('sum(shopfloor_sync_rows_published_total)');
    expect(Number(published[0]?.value[1])).toBeGreaterThan(0);
    const lag = await query('shopfloor:sync_lag_seconds');
    expect(Number(lag[0]?.value[1])).toBeLessThan(180);
    const backlog = await query('shopfloor:nats_consumer_pending_messages:max');
    expect(backlog.map((s) => s.metric['consumer']).sort()).toEqual(expect.arrayContaining(['analytics-shopfloor', 'ml-shopfloor']));
    // The same OEE of an ended period three times: analytics computes it once, the gateway answers the repeats from
    // its own copy without asking analytics again.
    const cache = await query('sum by (result) (shopfloor_analytics_cache_requests_total{kind="oee"})');
    expect(Object.fromEntries(cache.map((s) => [s.metric['result'], Number(s.value[1])]))).toEqual(expect.objectContaining({ miss: 1, hit: 0 }));
    const copies = await query('sum by (outcome) (shopfloor_gateway_analytics_answers_total{kept="true"})');
    expect(Object.fromEntries(copies.map((s) => [s.metric['outcome'], Number(s.value[1])]))).toEqual(expect.objectContaining({ asked: 1, hit: 2 }));
  });

  it('answers every dashboard panel query with data, but for the panels listed with their reason', async () => {
    const queries = dashboardQueries();
    expect(queries.length).toBeGreaterThan(30);
    const empty: string[] = [];
    for (const q of queries) if ((await query(q.expr)).length === 0) empty.push(q.panel);
    expect([...new Set(empty)].sort()).toEqual(Object.keys(NO_DATA_HERE).sort());
  });
});
