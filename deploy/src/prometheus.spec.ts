import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

const ROOT = path.resolve(__dirname, '../..');
const DIR = path.join(ROOT, 'deploy/prometheus');
const RULES = 'rules/shopfloor.rules.yml';
const RULE_TESTS = 'tests/shopfloor.rules.test.yml';
const APPS = ['gateway', 'ingestion', 'analytics', 'ml', 'notification'];

interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface ScrapeConfig {
  job_name: string;
  static_configs?: { targets: string[] }[];
  relabel_configs?: { source_labels?: string[]; action?: string; regex?: string; target_label?: string }[];
}
interface PrometheusConfig {
  global?: Record<string, string>;
  rule_files?: string[];
  scrape_configs: ScrapeConfig[];
}

const readYaml = <T>(rel: string): T => parse(readFileSync(path.join(DIR, rel), 'utf8')) as T;
const rules = (): Rule[] => readYaml<{ groups: { rules: Rule[] }[] }>(RULES).groups.flatMap((g) => g.rules);
const alerts = (): Rule[] => rules().filter((r) => r.alert !== undefined);

/** Runs promtool in deploy/prometheus; its output (which says what is wrong) becomes the failure message. */
function promtool(...args: string[]): string {
  try {
    return execFileSync('promtool', args, { cwd: DIR, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const e = error as { code?: string; stdout?: string; stderr?: string };
    if (e.code === 'ENOENT') throw new Error('promtool is not installed: apt-get install -y prometheus (.ci/run installs it)');
    throw new Error(`promtool ${args.join(' ')} failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

describe('deploy/prometheus', () => {
  it('has a configuration promtool accepts, with its rule files', () => {
    expect(promtool('check', 'config', 'prometheus.yml')).toMatch(/SUCCESS/);
  });

  it('has rules promtool accepts', () => {
    expect(promtool('check', 'rules', RULES)).toMatch(/SUCCESS/);
  });

  it('passes the rule unit tests', () => {
    expect(promtool('test', 'rules', RULE_TESTS)).toMatch(/SUCCESS/);
  });

  it('unit-tests every alert rule', () => {
    const tested = new Set(
      readYaml<{ tests: { alert_rule_test?: { alertname: string }[] }[] }>(RULE_TESTS).tests.flatMap((t) => (t.alert_rule_test ?? []).map((a) => a.alertname)),
    );
    expect(
      alerts()
        .map((a) => a.alert)
        .filter((name) => !tested.has(name ?? '')),
    ).toEqual([]);
  });

  it('gives every alert a for: duration, a severity and a summary and description', () => {
    const problems = alerts().flatMap((a) => [
      ...(a.for ? [] : [`${a.alert}: no for:`]),
      ...(['critical', 'warning', 'info'].includes(a.labels?.['severity'] ?? '') ? [] : [`${a.alert}: severity must be critical, warning or info`]),
      ...(a.annotations?.['summary'] && a.annotations['description'] ? [] : [`${a.alert}: summary and description annotations are required`]),
    ]);
    expect(problems).toEqual([]);
  });

  it('scrapes every app by its compose service name and port, as job <app>', () => {
    const config = readYaml<PrometheusConfig>('prometheus.yml');
    const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as {
      services: Record<string, { environment?: Record<string, string> }>;
    };
    const expected = APPS.map((app) => ({ job: app, targets: [`${app}:${compose.services[app]?.environment?.['PORT'] ?? '?'}`] }));
    const actual = config.scrape_configs.map((s) => ({ job: s.job_name, targets: (s.static_configs ?? []).flatMap((c) => c.targets) }));
    expect(actual).toEqual(expected);
  });

  it('on Kubernetes, scrapes the pods by the annotations the k8s pod templates carry, with the same rules', () => {
    const compose = readYaml<PrometheusConfig>('prometheus.yml');
    const k8s = readYaml<PrometheusConfig>('prometheus-kubernetes.yml');
    expect(k8s.global).toEqual(compose.global);
    expect(k8s.rule_files).toEqual(compose.rule_files);
    const relabels = k8s.scrape_configs.flatMap((s) => s.relabel_configs ?? []);
    const sources = new Set(relabels.flatMap((r) => r.source_labels ?? []));
    for (const annotation of ['scrape', 'port', 'path']) expect(sources).toContain(`__meta_kubernetes_pod_annotation_prometheus_io_${annotation}`);
    expect(relabels).toContainEqual(expect.objectContaining({ source_labels: ['__meta_kubernetes_pod_label_app_kubernetes_io_name'], target_label: 'job' }));

    const templates = readdirSync(path.join(ROOT, 'k8s'))
      .filter((f) => f.endsWith('.yaml'))
      .flatMap((f) =>
        parseAllDocuments(readFileSync(path.join(ROOT, 'k8s', f), 'utf8')).map(
          (d) =>
            d.toJSON() as {
              kind?: string;
              metadata?: { name?: string };
              spec?: { template?: { metadata?: { annotations?: Record<string, string> }; spec?: { containers?: { ports?: { containerPort: number }[] }[] } } };
            },
        ),
      )
      .filter((o) => o?.kind === 'Deployment');
    expect(templates.map((d) => d.metadata?.name).sort()).toEqual([...APPS].sort());
    for (const d of templates) {
      const annotations = d.spec?.template?.metadata?.annotations ?? {};
      const port = d.spec?.template?.spec?.containers?.[0]?.ports?.[0]?.containerPort;
      expect({ app: d.metadata?.name, ...annotations }).toEqual(
        expect.objectContaining({ 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(port), 'prometheus.io/path': '/metrics' }),
      );
    }
  });
});
