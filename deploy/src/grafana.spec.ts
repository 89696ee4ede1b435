import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { dashboardFiles, panelQueries, readDashboard } from './grafana-dashboards';

const ROOT = path.resolve(__dirname, '../..');
const RULES = 'deploy/prometheus/rules/shopfloor.rules.yml';
/** Prometheus' own series and prom-client's default process and Node.js metrics (collectDefaultMetrics). */
const BUILT_IN = /^(up|process_\w+|nodejs_\w+|ALERTS)$/;
const PROMQL_WORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless', 'bool', 'offset']);

/** Every metric name written in the TypeScript of apps/ and libs/ (`name: '...'` of prom-client metrics). */
function declaredMetrics(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        for (const m of readFileSync(full, 'utf8').matchAll(/name: '([a-z_:][a-z0-9_:]*)'/g)) names.add(m[1]);
      }
    }
  };
  walk(path.join(ROOT, 'apps'));
  walk(path.join(ROOT, 'libs'));
  const rules = parse(readFileSync(path.join(ROOT, RULES), 'utf8')) as { groups: { rules: { record?: string }[] }[] };
  for (const rule of rules.groups.flatMap((g) => g.rules)) if (rule.record) names.add(rule.record);
  return names;
}

/** The metric names an expression reads: identifiers that are not functions, keywords, label names or strings. */
function metricsOf(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, '')
    .replace(/\[[^\]]*\]/g, '');
  return [...bare.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*(?![a-zA-Z0-9_:]|\s*\()/g)].map((m) => m[0]).filter((w) => !PROMQL_WORDS.has(w) && !/^\d/.test(w));
}

const baseName = (metric: string): string => metric.replace(/_(bucket|count|sum)$/, '');

describe('deploy/grafana', () => {
  const files = dashboardFiles();

  it('has the platform overview, data pipeline, API and ML dashboards', () => {
    expect(files.map((f) => path.basename(f)).sort()).toEqual(['api.json', 'data-pipeline.json', 'ml.json', 'platform-overview.json']);
  });

  it.each(files.map((f) => path.basename(f)))('%s: unique uid, panels on the provisioned Prometheus data source, each with a query', (file) => {
    const dashboard = readDashboard(file);
    const datasource = parse(readFileSync(path.join(ROOT, 'deploy/grafana/provisioning/datasources/prometheus.yml'), 'utf8')) as {
      datasources: { uid: string; type: string }[];
    };
    const { uid, type } = datasource.datasources[0];
    const problems = dashboard.panels.flatMap((p) => [
      ...(p.datasource?.uid === uid && p.datasource.type === type ? [] : [`${p.title}: data source is not ${type}/${uid}`]),
      ...(p.targets.length > 0 && p.targets.every((t) => t.expr.trim() !== '') ? [] : [`${p.title}: no query`]),
      ...(new Set(p.targets.map((t) => t.refId)).size === p.targets.length ? [] : [`${p.title}: repeated refId`]),
    ]);
    expect(problems).toEqual([]);
    expect(new Set(dashboard.panels.map((p) => p.id)).size).toBe(dashboard.panels.length);
    const uids = files.map((f) => readDashboard(path.basename(f)).uid);
    expect(uids.filter((u) => u === dashboard.uid)).toHaveLength(1);
  });

  it('queries only metrics the services export, the rules record, or Prometheus and prom-client provide', () => {
    const declared = declaredMetrics();
    const unknown = files.flatMap((f) =>
      panelQueries(readDashboard(path.basename(f)))
        .flatMap((q) => metricsOf(q.expr).map((m) => ({ ...q, metric: m })))
        .filter((q) => !BUILT_IN.test(q.metric) && !declared.has(q.metric) && !declared.has(baseName(q.metric)))
        .map((q) => `${q.dashboard} / ${q.panel}: ${q.metric}`),
    );
    expect(unknown).toEqual([]);
  });
});
