import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/*
 * Keeps the deployment descriptions (deploy/docker/Dockerfile, docker-compose.yml, k8s/) in step with the apps they
 * run. Every fact is read from the apps themselves — which apps exist (project.json tagged type:app, with an env class), the port each
 * listens on and the environment variables each declares (its env class) — so a new app, a changed port or a
 * renamed variable fails here until the manifests follow.
 */

const ROOT = path.resolve(__dirname, '../..');
const DOCKERFILE = 'deploy/docker/Dockerfile';
const COMPOSE_FILE = 'docker-compose.yml';
const K8S_DIR = 'k8s';
const SECRETS_EXAMPLE = 'secrets.example.yaml';
const KUSTOMIZATION = 'kustomization.yaml';
/** The only service reachable from outside: it alone publishes a port and sits behind the Ingress. */
const PUBLIC_APP = 'gateway';
/** The services of docker-compose.yml's `monitoring` profile, which run only when it is asked for. */
const MONITORING = ['prometheus', 'grafana'];
const MONITORING_PROFILE = 'monitoring';
const PROVISION = { composeService: 'db-provision', image: 'shopfloor/provision', dockerTarget: 'provision' };
const BASE_ENV_FILE = 'libs/shared/config/src/lib/base-env.ts';

/**
 * Variables a service is given although its env class does not declare them (yet): the ingestion service's CIMCO
 * MDC-Max source connection, which the manifests already wire as an optional secret.
 */
const ACCEPTED_UNDECLARED: Record<string, readonly string[]> = { ingestion: ['CIMCO_DATABASE_URL'] };
/** Standard OpenTelemetry SDK variables, honoured by every service through the SDK itself. */
const OTEL_VARIABLE = /^OTEL_[A-Z0-9_]+$/;
/** Variable names whose values are credentials: never written in clear outside the secrets example. */
const SECRET_NAME = /(PASSWORD|SECRET|TOKEN|API_KEY|DATABASE_URL|DATABASE_ADMIN_URL)$/;
/** scheme://user:password@host — the password group; user and password may be or contain ${...} interpolations. */
const URL_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/(?:\$\{[^}]*\}|[^/@\s:$])*:((?:\$\{[^}]*\}|[^@\s$])*)@/i;
/** A value that is wholly one compose interpolation, ${NAME...}. */
const WHOLE_INTERPOLATION = /^\$\{[A-Z0-9_]+(?::?[-?+][^}]*)?\}$/;

// ---------------------------------------------------------------------------------------------------------------
// Reading files

const read = (rel: string): string => readFileSync(path.join(ROOT, rel), 'utf8');

function memo<T>(load: () => T): () => T {
  let cached: { value: T } | undefined;
  return () => (cached ??= { value: load() }).value;
}

/** Every document of a YAML file as plain data (merge keys `<<` resolved, as compose does). Parse errors throw. */
function loadYaml(rel: string): unknown[] {
  const docs = Array.from(parseAllDocuments(read(rel), { merge: true }));
  const errors = docs.flatMap((doc) => doc.errors.map((e) => `${rel}: ${e.message}`));
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return docs.map((doc) => doc.toJS() as unknown).filter((value) => value !== null && value !== undefined);
}

// ---------------------------------------------------------------------------------------------------------------
// Facts about the apps

interface EnvDeclaration {
  name: string;
  /** Declared with `!:` and no default: the service refuses to start without it. */
  required: boolean;
  defaultValue?: string;
}

interface EnvClass {
  name: string;
  parent?: string;
  declarations: EnvDeclaration[];
}

interface AppEnv {
  /** Most-derived declaration of each variable along the class chain. */
  variables: Map<string, EnvDeclaration>;
}

const ENV_PROPERTY = /^\s+(override\s+)?([A-Z][A-Z0-9_]+)([!?]?)\s*[:=]/;
const CLASS_HEAD = /^export\s+(?:abstract\s+)?class\s+(\w+)(?:\s+extends\s+(\w+))?\s*\{/;

/** A TypeScript literal as the value an env var would carry: quotes and numeric separators removed. */
const unquote = (literal: string): string => (/^[\d_.]+$/.test(literal) ? literal.replace(/_/g, '') : literal.replace(/^(['"`])(.*)\1$/, '$2'));

function parseEnvClasses(source: string): EnvClass[] {
  const classes: EnvClass[] = [];
  let current: EnvClass | undefined;
  for (const line of source.split('\n')) {
    const head = CLASS_HEAD.exec(line);
    if (head) {
      current = { name: head[1], parent: head[2], declarations: [] };
      classes.push(current);
      continue;
    }
    if (!current) continue;
    if (line.startsWith('}')) {
      current = undefined;
      continue;
    }
    const property = ENV_PROPERTY.exec(line);
    if (!property) continue;
    const rest = line.slice(property[0].length);
    const equals = property[0].endsWith('=') ? -1 : rest.search(/=(?!>)/);
    const initializer = property[0].endsWith('=') || equals >= 0 ? rest.slice(equals + 1) : undefined;
    const defaultValue = initializer === undefined ? undefined : unquote(initializer.trim().replace(/;$/, ''));
    current.declarations.push({ name: property[2], required: property[3] === '!' && defaultValue === undefined, defaultValue });
  }
  return classes;
}

// The services: type:app projects with a validated environment of their own. The web dashboard is a type:app too, but
// files in the browser that the gateway serves (its image carries them), not a process to deploy.
const discoverApps = (): string[] =>
  readdirSync(path.join(ROOT, 'apps'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(ROOT, 'apps', entry.name, 'project.json')))
    .filter((entry) => existsSync(path.join(ROOT, 'apps', entry.name, 'src', 'config', `${entry.name}.env.ts`)))
    .filter((entry) => {
      const project = JSON.parse(read(`apps/${entry.name}/project.json`)) as { tags?: string[] };
      return (project.tags ?? []).includes('type:app');
    })
    .map((entry) => entry.name)
    .sort();

const APPS = discoverApps();

const appEnvFile = (app: string): string => `apps/${app}/src/config/${app}.env.ts`;

function appPort(app: string): number {
  const match = /^\s+override\s+PORT\s*(?::\s*number\s*)?=\s*(\d+)/m.exec(read(appEnvFile(app)));
  if (!match) throw new Error(`${appEnvFile(app)} has no "override PORT = NNNN" (or "override PORT: number = NNNN") line`);
  return Number(match[1]);
}

const baseEnvClasses = memo(() => parseEnvClasses(read(BASE_ENV_FILE)));

function appEnv(app: string): AppEnv {
  const own = parseEnvClasses(read(appEnvFile(app)));
  if (own.length === 0) throw new Error(`${appEnvFile(app)} exports no env class`);
  const known = new Map([...baseEnvClasses(), ...own].map((cls) => [cls.name, cls]));
  const variables = new Map<string, EnvDeclaration>();
  for (let cls: EnvClass | undefined = own[0]; cls;) {
    for (const declaration of cls.declarations) if (!variables.has(declaration.name)) variables.set(declaration.name, declaration);
    if (!cls.parent) break;
    const parent = known.get(cls.parent);
    if (!parent) throw new Error(`${own[0].name} extends ${cls.parent}, found neither in ${appEnvFile(app)} nor in ${BASE_ENV_FILE}`);
    cls = parent;
  }
  return { variables };
}

const requiredVariables = (app: string): string[] => [...appEnv(app).variables.values()].filter((v) => v.required).map((v) => v.name);

/** Problems with one variable name given to an app: undeclared (a typo, or a variable the app does not read). */
function undeclared(app: string, names: Iterable<string>): string[] {
  const env = appEnv(app);
  const accepted = ACCEPTED_UNDECLARED[app] ?? [];
  return [...names].filter((name) => !env.variables.has(name) && !OTEL_VARIABLE.test(name) && !accepted.includes(name));
}

// ---------------------------------------------------------------------------------------------------------------
// Dockerfile

interface DockerStage {
  name: string;
  from: string;
  instructions: { keyword: string; args: string }[];
}

const dockerStages = memo((): DockerStage[] => {
  const stages: DockerStage[] = [];
  const logical = read(DOCKERFILE)
    .replace(/\\\r?\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  for (const line of logical) {
    const [keyword, ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (keyword.toUpperCase() === 'FROM') {
      const match = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      stages.push({ name: match?.[2] ?? `#${stages.length}`, from: match?.[1] ?? args, instructions: [] });
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
});

/** A stage and every stage it is built FROM, nearest first. */
function stageChain(name: string): DockerStage[] {
  const byName = new Map(dockerStages().map((stage) => [stage.name, stage]));
  const chain: DockerStage[] = [];
  for (let stage = byName.get(name); stage && !chain.includes(stage); stage = byName.get(stage.from)) chain.push(stage);
  return chain;
}

const instructionsOf = (chain: DockerStage[], keyword: string): string[] =>
  chain.flatMap((stage) => stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args));

/** Script source without its comment lines, so only code counts. */
const withoutComments = (source: string): string =>
  source
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\/?\*|#!)/.test(line))
    .join('\n');

/** Whether a HEALTHCHECK requests `route`, itself or through a script the image copies from the repository. */
function healthcheckChecks(chain: DockerStage[], healthcheck: string, route: string): boolean {
  const requests = (text: string): boolean => new RegExp(`${route.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![\\w-])`).test(text);
  if (requests(healthcheck)) return true;
  const copies = instructionsOf(chain, 'COPY')
    .filter((args) => !args.startsWith('--from'))
    .map((args) => args.split(/\s+/).filter((word) => !word.startsWith('--')));
  return copies.some((words) => {
    const destination = words[words.length - 1];
    return words
      .slice(0, -1)
      .some((source) => healthcheck.includes(destination) && existsSync(path.join(ROOT, source)) && requests(withoutComments(read(source))));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// docker-compose.yml

type ComposeEnvironment = Record<string, string | number | boolean | null> | string[];

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; target?: string };
  command?: string | string[];
  ports?: (string | number | { target: number; published?: string | number })[];
  environment?: ComposeEnvironment;
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  stop_grace_period?: string;
  profiles?: string[];
  volumes?: string[];
  restart?: string;
}

interface ComposeFile {
  services?: Record<string, ComposeService>;
}

const compose = memo((): ComposeFile => {
  const docs = loadYaml(COMPOSE_FILE);
  if (docs.length !== 1) throw new Error(`${COMPOSE_FILE} should hold one YAML document, holds ${docs.length}`);
  return docs[0] as ComposeFile;
});

const composeServices = (): Record<string, ComposeService> => compose().services ?? {};

/** The environment as name → value; null when the value passes through from the host. */
function composeEnv(service: ComposeService): Map<string, string | null> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return new Map(env.map((entry) => (entry.includes('=') ? [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)] : [entry, null])));
  }
  return new Map(Object.entries(env).map(([name, value]) => [name, value === null ? null : String(value)]));
}

/** What compose makes of a value when none of its variables is set: each ${VAR:-default} becomes its default. */
const withDefaults = (value: string): string => value.replace(/\$\{[A-Z0-9_]+(?::?-([^}]*))?[^}]*\}/g, (_m, fallback?: string) => fallback ?? '');

function composeDependencies(service: ComposeService): Map<string, string | undefined> {
  const deps = service.depends_on ?? [];
  if (Array.isArray(deps)) return new Map(deps.map((name) => [name, undefined]));
  return new Map(Object.entries(deps).map(([name, dep]) => [name, dep.condition]));
}

/** Container-side port of a compose port mapping. */
function containerPort(mapping: string | number | { target: number }): number {
  if (typeof mapping === 'object') return Number(mapping.target);
  const parts = withDefaults(String(mapping))
    .replace(/\/(tcp|udp)$/, '')
    .split(':');
  return Number(parts[parts.length - 1]);
}

function durationMs(value: string): number {
  let total = 0;
  for (const [, amount, unit] of value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    total += Number(amount) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit as 'ms' | 's' | 'm' | 'h'];
  }
  return total;
}

/** Problems with credentials written in clear in one name → value pair of compose. */
function composeSecretProblems(where: string, name: string, value: string | null): string[] {
  if (value === null) return [];
  const problems: string[] = [];
  const password = URL_PASSWORD.exec(value)?.[1];
  if (password !== undefined && password !== '' && !WHOLE_INTERPOLATION.test(password)) {
    problems.push(`${where}: ${name} has a password written in its URL; use \${VAR:-...} interpolation`);
  }
  if (SECRET_NAME.test(name) && !value.includes('${')) problems.push(`${where}: ${name} is written in clear; use \${VAR...} interpolation`);
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Kubernetes manifests

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    fieldRef?: { fieldPath: string };
  };
}

interface Probe {
  httpGet?: { path?: string; port?: string | number };
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
}

/** Kubernetes' probe defaults (core/v1 Probe). */
const probeWindowSeconds = (probe: Probe | undefined): number => (probe?.periodSeconds ?? 10) * (probe?.failureThreshold ?? 3);

interface Container {
  name: string;
  image?: string;
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string }; prefix?: string }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command?: string[] }; sleep?: { seconds: number } } };
  resources?: { requests?: Record<string, string | number>; limits?: Record<string, string | number> };
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
}

interface PodTemplate {
  metadata?: { labels?: Record<string, string> };
  spec: {
    containers: Container[];
    initContainers?: Container[];
    securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
    terminationGracePeriodSeconds?: number;
  };
}

interface DeploymentSpec {
  selector: { matchLabels?: Record<string, string> };
  template: PodTemplate;
}

interface ServiceSpec {
  type?: string;
  selector?: Record<string, string>;
  ports?: { name?: string; port: number; targetPort?: string | number }[];
}

interface HpaSpec {
  scaleTargetRef: { apiVersion?: string; kind: string; name: string };
  minReplicas?: number;
  maxReplicas: number;
  metrics?: { type: string; resource?: { name: string; target: { type: string; averageUtilization?: number } } }[];
}

interface IngressBackend {
  service?: { name: string; port: { name?: string; number?: number } };
}

interface IngressSpec {
  defaultBackend?: IngressBackend;
  rules?: { http?: { paths: { backend: IngressBackend }[] } }[];
}

interface Kustomization {
  namespace?: string;
  resources?: string[];
  images?: { name: string; newName?: string; newTag?: string }[];
}

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: unknown;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  /** File under k8s/ it was read from. */
  file: string;
}

const k8sFiles = memo((): string[] =>
  readdirSync(path.join(ROOT, K8S_DIR))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort(),
);

const k8sObjects = memo((): K8sObject[] =>
  k8sFiles()
    .filter((file) => file !== KUSTOMIZATION)
    .flatMap((file) => loadYaml(`${K8S_DIR}/${file}`).map((doc) => ({ ...(doc as Omit<K8sObject, 'file'>), file }))),
);

/** What the cluster gets: everything but the secrets example. */
const deployed = (): K8sObject[] => k8sObjects().filter((o) => o.file !== SECRETS_EXAMPLE);
const exampleSecrets = (): K8sObject[] => k8sObjects().filter((o) => o.file === SECRETS_EXAMPLE && o.kind === 'Secret');

const findObject = (kind: string, name: string): K8sObject | undefined => deployed().find((o) => o.kind === kind && o.metadata.name === name);
const specOf = <T>(object: K8sObject | undefined): T | undefined => object?.spec as T | undefined;

const deploymentSpec = (app: string): DeploymentSpec | undefined => specOf<DeploymentSpec>(findObject('Deployment', app));

function appContainer(app: string): Container | undefined {
  const containers = deploymentSpec(app)?.template.spec.containers ?? [];
  return containers.find((c) => c.name === app) ?? containers[0];
}

const configMapData = (name: string): Record<string, string> | undefined => findObject('ConfigMap', name)?.data;

function exampleSecretKeys(name: string): string[] | undefined {
  const secret = exampleSecrets().find((s) => s.metadata.name === name);
  return secret ? Object.keys({ ...secret.data, ...secret.stringData }) : undefined;
}

/** Names a container gets: its env entries plus every key of the ConfigMaps and Secrets it takes whole. */
function containerEnvNames(container: Container): string[] {
  const names = (container.env ?? []).map((e) => e.name);
  for (const source of container.envFrom ?? []) {
    const keys = source.configMapRef ? Object.keys(configMapData(source.configMapRef.name) ?? {}) : (exampleSecretKeys(source.secretRef?.name ?? '') ?? []);
    names.push(...keys.map((key) => `${source.prefix ?? ''}${key}`));
  }
  return names;
}

/** The value a container sees for a variable, following ConfigMap references; undefined when not literal or absent. */
function containerEnvValue(container: Container, name: string): string | undefined {
  const entry = (container.env ?? []).find((e) => e.name === name);
  if (entry?.value !== undefined) return entry.value;
  const ref = entry?.valueFrom?.configMapKeyRef;
  if (ref) return configMapData(ref.name)?.[ref.key];
  for (const source of container.envFrom ?? []) {
    const value = source.configMapRef ? configMapData(source.configMapRef.name)?.[name] : undefined;
    if (value !== undefined) return value;
  }
  return undefined;
}

const podTemplates = (): { owner: string; template: PodTemplate }[] =>
  deployed()
    .filter((o) => ['Deployment', 'StatefulSet', 'DaemonSet', 'Job'].includes(o.kind))
    .map((o) => ({ owner: `${o.file}: ${o.kind} ${o.metadata.name}`, template: (o.spec as { template: PodTemplate }).template }));

const selectsPod = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean =>
  selector !== undefined && Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels?.[key] === value);

const kustomization = memo((): Kustomization => {
  const [doc] = loadYaml(`${K8S_DIR}/${KUSTOMIZATION}`) as Kustomization[];
  return doc ?? {};
});

const imageMatches = (image: string | undefined, name: string): boolean => new RegExp(`^${name.replace('/', '\\/')}(:[\\w][\\w.-]*)?$`).test(image ?? '');

// ---------------------------------------------------------------------------------------------------------------

describe('deploy manifests', () => {
  describe('facts read from the apps', () => {
    it('finds the apps (directories of apps/ whose project.json is tagged type:app)', () => {
      expect(APPS.length).toBeGreaterThan(0);
    });

    it.each(APPS)('%s declares a numeric PORT and an env class that resolves to the shared base classes', (app) => {
      expect(appPort(app)).toBeGreaterThan(0);
      const env = appEnv(app);
      expect(env.variables.has('PORT')).toBe(true);
      expect(env.variables.get('PORT')?.required).toBe(false);
      expect(env.variables.has('NATS_URL')).toBe(true);
      // Every app owns a Postgres schema, so the connection is the one variable all of them cannot start without.
      expect(requiredVariables(app)).toContain('DATABASE_URL');
    });

    it('gives every app its own port', () => {
      const ports = APPS.map(appPort);
      expect(new Set(ports).size).toBe(ports.length);
    });

    it('provisions a database role and schema for exactly the apps (tools/db/provision.cjs SERVICES)', () => {
      const match = /const SERVICES\s*=\s*\[([^\]]*)\]/.exec(read('tools/db/provision.cjs'));
      const services = [...(match?.[1] ?? '').matchAll(/'([^']+)'|"([^"]+)"/g)].map((m) => m[1] ?? m[2]).sort();
      expect(services).toEqual(APPS);
    });
  });

  describe(DOCKERFILE, () => {
    it.each(APPS)('has a %s target that exposes its port, sets PORT, checks /health and starts its main.js', (app) => {
      const port = appPort(app);
      const chain = stageChain(app);
      const problems: string[] = [];
      if (chain.length === 0) {
        problems.push(`no stage named ${app}`);
      } else {
        const own = chain[0].instructions;
        const args = (keyword: string): string[] => own.filter((i) => i.keyword === keyword).map((i) => i.args);
        if (!args('EXPOSE').some((a) => a.split(/\s+/).includes(String(port)))) problems.push(`EXPOSE ${port} missing`);
        if (!args('ENV').some((a) => new RegExp(`(^|\\s)PORT(=|\\s+)"?${port}"?(\\s|$)`).test(a))) problems.push(`ENV PORT=${port} missing`);
        const healthcheck = instructionsOf(chain, 'HEALTHCHECK')[0] ?? '';
        if (!/^(--\S+\s+)*CMD\b/.test(healthcheck)) problems.push('HEALTHCHECK ... CMD missing');
        else if (!healthcheckChecks(chain, healthcheck, '/health')) problems.push(`HEALTHCHECK does not request /health: ${healthcheck}`);
        if (!args('CMD').some((a) => a.includes(`dist/apps/${app}/apps/${app}/src/main.js`)))
          problems.push(`CMD does not start dist/apps/${app}/apps/${app}/src/main.js`);
        if (!args('COPY').some((a) => a.includes(`dist/apps/${app}`))) problems.push(`does not copy dist/apps/${app}`);
      }
      expect(problems).toEqual([]);
    });

    it.each([...APPS, PROVISION.dockerTarget])('runs the %s target as a non-root user with NODE_ENV=production', (target) => {
      const chain = stageChain(target);
      expect(chain.length).toBeGreaterThan(0);
      const user = instructionsOf(chain, 'USER')[0];
      expect(user).toBeDefined();
      expect(user).not.toMatch(/^(root|0)(:|$)/);
      expect(instructionsOf(chain, 'ENV').some((a) => /(^|\s)NODE_ENV=production(\s|$)/.test(a))).toBe(true);
      expect(instructionsOf(chain, 'RUN').some((a) => /npm ci\b.*--omit=dev/.test(a))).toBe(true);
    });

    it('has a provision target that runs tools/db/provision.cjs', () => {
      const chain = stageChain(PROVISION.dockerTarget);
      expect(chain.length).toBeGreaterThan(0);
      expect(
        chain[0].instructions
          .filter((i) => i.keyword === 'CMD')
          .map((i) => i.args)
          .join(' '),
      ).toContain('tools/db/provision.cjs');
    });

    it('keeps dependencies, build output, git metadata and local secrets out of the build context', () => {
      const ignored = read('.dockerignore')
        .split('\n')
        .map((line) => line.trim().replace(/\/$/, ''));
      expect(['node_modules', 'dist', 'tmp', '.git', 'reports', 'coverage', '.nx', '.env'].filter((entry) => !ignored.includes(entry))).toEqual([]);
    });
  });

  describe(COMPOSE_FILE, () => {
    it.each(APPS)('has a %s service built from its Dockerfile target as image shopfloor/<app>', (app) => {
      const service = composeServices()[app];
      expect(service).toBeDefined();
      expect(imageMatches(service.image, `shopfloor/${app}`)).toBe(true);
      expect(typeof service.build).toBe('object');
      const build = service.build as { context?: string; dockerfile?: string; target?: string };
      expect(build.dockerfile).toBe(DOCKERFILE);
      expect(build.target).toBe(app);
      expect(dockerStages().map((s) => s.name)).toContain(build.target);
    });

    it.each(APPS)('sets PORT for %s to the port its env class declares', (app) => {
      const port = composeEnv(composeServices()[app] ?? {}).get('PORT');
      expect(port === undefined || withDefaults(port ?? '') === String(appPort(app))).toBe(true);
    });

    it('publishes a port for the public gateway only, mapped to its app port (monitoring aside)', () => {
      const publishing = Object.entries(composeServices())
        .filter(([name, service]) => (service.ports ?? []).length > 0 && !MONITORING.includes(name))
        .map(([name]) => name);
      expect(publishing).toEqual([PUBLIC_APP]);
      expect((composeServices()[PUBLIC_APP].ports ?? []).map(containerPort)).toEqual([appPort(PUBLIC_APP)]);
    });

    it.each(APPS)('gives %s only variables its env class declares, and every required one', (app) => {
      const names = [...composeEnv(composeServices()[app] ?? {}).keys()];
      expect(undeclared(app, names)).toEqual([]);
      expect(requiredVariables(app).filter((name) => !names.includes(name))).toEqual([]);
    });

    it.each(APPS)('starts %s after provisioning completes and its infrastructure is healthy', (app) => {
      const services = composeServices();
      const deps = composeDependencies(services[app] ?? {});
      const problems: string[] = [];
      if (deps.get(PROVISION.composeService) !== 'service_completed_successfully') {
        problems.push(`${PROVISION.composeService} must be a dependency with condition service_completed_successfully`);
      }
      for (const [name, condition] of deps) {
        if (name === PROVISION.composeService || APPS.includes(name)) continue;
        if (!services[name]) problems.push(`depends on ${name}, which is not a service`);
        else if (condition !== 'service_healthy') problems.push(`depends on ${name} without condition service_healthy`);
        else if (!services[name].healthcheck?.test || services[name].healthcheck?.disable) problems.push(`depends on ${name}, which has no healthcheck`);
      }
      expect(problems).toEqual([]);
    });

    it.each(APPS)('lets %s finish its SIGTERM drain before compose kills it (stop_grace_period > SHUTDOWN_TIMEOUT_MS)', (app) => {
      const service = composeServices()[app] ?? {};
      const given = composeEnv(service).get('SHUTDOWN_TIMEOUT_MS');
      const shutdownMs = Number(given ? withDefaults(given) : appEnv(app).variables.get('SHUTDOWN_TIMEOUT_MS')?.defaultValue);
      expect(shutdownMs).toBeGreaterThan(0);
      expect(durationMs(service.stop_grace_period ?? '10s')).toBeGreaterThan(shutdownMs);
    });

    it.each(APPS)('restarts %s by itself when it exits (restart unless-stopped, always or on-failure)', (app) => {
      expect(['unless-stopped', 'always', 'on-failure']).toContain(composeServices()[app]?.restart);
    });

    it('never restarts the one-shot provisioning, which the services wait to see completed', () => {
      expect(['no', undefined]).toContain(composeServices()[PROVISION.composeService]?.restart);
    });

    it('does not restart a container whose command replaces data (--reset) by itself', () => {
      const resetting = Object.entries(composeServices())
        .filter(([, service]) =>
          ([] as string[])
            .concat(service.command ?? [])
            .join(' ')
            .includes('--reset'),
        )
        .filter(([, service]) => (service.restart ?? 'no') !== 'no')
        .map(([name]) => name);
      expect(resetting).toEqual([]);
    });

    it('has healthchecks on every infrastructure service', () => {
      const missing = Object.entries(composeServices())
        // Infrastructure = images not built from this repository (the apps, provisioning and the simulator are).
        .filter(([name, service]) => !APPS.includes(name) && name !== PROVISION.composeService && !(service.image ?? '').startsWith('shopfloor/'))
        .filter(([, service]) => !service.healthcheck?.test || service.healthcheck.disable)
        .map(([name]) => name);
      expect(missing).toEqual([]);
    });

    it('runs NATS with JetStream and a persistent store', () => {
      const nats = Object.values(composeServices()).filter((service) => /^nats:/.test(service.image ?? ''));
      expect(nats).toHaveLength(1);
      const command = ([] as string[]).concat(nats[0].command ?? []).join(' ');
      expect(command).toMatch(/(^|\s)(-js|--jetstream)(\s|$)/);
      expect(command).toMatch(/(^|\s)(-sd|--store_dir)\s+\S+/);
    });

    it('provisions the database from the provision target with each app role password its DATABASE_URL uses', () => {
      const provision = composeServices()[PROVISION.composeService];
      expect(provision).toBeDefined();
      expect(provision.image).toBe(PROVISION.image);
      expect(provision.build).toEqual(expect.objectContaining({ dockerfile: DOCKERFILE, target: PROVISION.dockerTarget }));
      const env = composeEnv(provision);
      expect(env.get('DATABASE_ADMIN_URL')).toBeTruthy();
      const problems = APPS.flatMap((app) => {
        const url = composeEnv(composeServices()[app] ?? {}).get('DATABASE_URL') ?? '';
        const password = URL_PASSWORD.exec(url)?.[1];
        const given = env.get(`${app.toUpperCase()}_DATABASE_PASSWORD`);
        return password === given ? [] : [`${app}: DATABASE_URL password ${password} but ${app.toUpperCase()}_DATABASE_PASSWORD ${given}`];
      });
      expect(problems).toEqual([]);
    });

    it('writes no secret in clear: credentials come from ${...} interpolation', () => {
      const problems = Object.entries(composeServices()).flatMap(([name, service]) =>
        [...composeEnv(service)].flatMap(([variable, value]) => composeSecretProblems(`${COMPOSE_FILE} ${name}`, variable, value)),
      );
      expect(problems).toEqual([]);
    });

    it(`runs ${MONITORING.join(' and ')} only in the ${MONITORING_PROFILE} profile, and nothing else in a profile`, () => {
      const profiled = Object.entries(composeServices())
        .filter(([, service]) => (service.profiles ?? []).length > 0)
        .map(([name, service]) => `${name}: ${(service.profiles ?? []).join(',')}`);
      expect(profiled.sort()).toEqual(MONITORING.map((name) => `${name}: ${MONITORING_PROFILE}`).sort());
    });

    it('publishes the monitoring UIs on the loopback only', () => {
      const ports = MONITORING.flatMap((name) =>
        (composeServices()[name]?.ports ?? []).map((p) => `${name} ${typeof p === 'object' ? `${p.published ?? ''}:${p.target}` : p}`),
      );
      expect(ports.length).toBeGreaterThan(0);
      expect(ports.filter((p) => !/ 127\.0\.0\.1:\d+:\d+$/.test(p))).toEqual([]);
    });

    it('mounts deploy/prometheus where Prometheus reads its configuration and rules', () => {
      const prometheus = composeServices()['prometheus'] ?? {};
      const mounts = new Map((prometheus.volumes ?? []).map((v) => [v.split(':')[1], v.split(':')[0]]));
      const configFile = ([] as string[])
        .concat(prometheus.command ?? [])
        .find((arg) => arg.startsWith('--config.file='))
        ?.split('=')[1];
      expect(configFile).toBeDefined();
      expect(mounts.get(configFile ?? '')).toBe('./deploy/prometheus/prometheus.yml');
      // prometheus.yml names its rule files relative to its own folder.
      expect(mounts.get(`${path.posix.dirname(configFile ?? '')}/rules`)).toBe('./deploy/prometheus/rules');
      for (const [, source] of mounts) if (source.startsWith('./')) expect(existsSync(path.join(ROOT, source))).toBe(true);
    });

    it('mounts deploy/grafana where the dashboards provider reads, with the data source pointing at Prometheus', () => {
      const grafana = composeServices()['grafana'] ?? {};
      const mounts = new Map((grafana.volumes ?? []).map((v) => [v.split(':')[1], v.split(':')[0]]));
      expect(mounts.get('/etc/grafana/provisioning')).toBe('./deploy/grafana/provisioning');
      const provider = parse(read('deploy/grafana/provisioning/dashboards/shopfloor.yml')) as { providers: { options: { path: string } }[] };
      expect(mounts.get(provider.providers[0].options.path)).toBe('./deploy/grafana/dashboards');
      const prometheusPort = containerPort((composeServices()['prometheus']?.ports ?? [])[0] ?? 0);
      expect(composeEnv(grafana).get('PROMETHEUS_URL')).toBe(`http://prometheus:${prometheusPort}`);
      expect(read('deploy/grafana/provisioning/datasources/prometheus.yml')).toContain('url: ${PROMETHEUS_URL}');
    });

    it('takes JWT_SECRET and BOOTSTRAP_ADMIN_API_KEY only from the environment, with no default', () => {
      const env = composeEnv(composeServices()[PUBLIC_APP] ?? {});
      for (const name of ['JWT_SECRET', 'BOOTSTRAP_ADMIN_API_KEY']) {
        expect(env.get(name)).toMatch(new RegExp(`^\\$\\{${name}:?\\?[^}]*\\}$`));
      }
    });
  });

  describe('Kubernetes manifests (k8s/)', () => {
    it('parses every k8s/*.yaml into objects with apiVersion, kind and metadata.name', () => {
      const incomplete = k8sObjects()
        .filter((o) => !o.apiVersion || !o.kind || !o.metadata?.name)
        .map((o) => o.file);
      expect(k8sObjects().length).toBeGreaterThan(0);
      expect(incomplete).toEqual([]);
    });

    it.each(APPS)('has a Deployment, Service and HorizontalPodAutoscaler for %s in k8s/<app>.yaml', (app) => {
      for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler']) {
        expect(findObject(kind, app)?.file).toBe(`${app}.yaml`);
      }
    });

    it.each(APPS)('runs image shopfloor/%s with its app port as containerPort "http"', (app) => {
      const container = appContainer(app);
      expect(imageMatches(container?.image, `shopfloor/${app}`)).toBe(true);
      expect(container?.ports?.find((p) => p.name === 'http')?.containerPort).toBe(appPort(app));
    });

    it.each(APPS)('probes %s: startup and liveness on /health, readiness on /ready', (app) => {
      const container = appContainer(app);
      const readyPath = app === PUBLIC_APP ? '/ready?scope=local' : '/ready';
      expect(container?.livenessProbe?.httpGet?.path).toBe('/health');
      expect(container?.startupProbe?.httpGet?.path).toBe('/health');
      expect(container?.readinessProbe?.httpGet?.path).toBe(readyPath);
      const ports = new Set<string | number>((container?.ports ?? []).flatMap((p) => [p.containerPort, ...(p.name ? [p.name] : [])]));
      for (const probe of [container?.livenessProbe, container?.readinessProbe, container?.startupProbe]) {
        expect(ports.has(probe?.httpGet?.port ?? '')).toBe(true);
      }
    });

    it.each(APPS)('restarts %s only when it is wedged: liveness tolerates a busy event loop for a minute, readiness reacts within seconds', (app) => {
      const container = appContainer(app);
      // Liveness must not follow dependencies (that is readiness): /health answers while NATS or Postgres is down, so
      // an outage takes pods out of the Service instead of restart-looping every one of them.
      expect(container?.livenessProbe?.httpGet?.path).not.toMatch(/^\/ready/);
      expect(container?.livenessProbe?.timeoutSeconds ?? 1).toBeGreaterThanOrEqual(5);
      expect(probeWindowSeconds(container?.livenessProbe)).toBeGreaterThanOrEqual(60);
      expect(probeWindowSeconds(container?.readinessProbe)).toBeLessThanOrEqual(15);
      // Migrations run at start (DATABASE_MIGRATIONS_RUN): the startup probe holds liveness off for minutes, not seconds.
      expect(probeWindowSeconds(container?.startupProbe)).toBeGreaterThanOrEqual(120);
    });

    it.each(APPS)('gives %s resource requests and limits and runs it as non-root', (app) => {
      const pod = deploymentSpec(app)?.template.spec;
      const container = appContainer(app);
      for (const part of ['requests', 'limits'] as const) {
        expect(container?.resources?.[part]?.cpu).toBeDefined();
        expect(container?.resources?.[part]?.memory).toBeDefined();
      }
      expect(container?.securityContext?.runAsNonRoot ?? pod?.securityContext?.runAsNonRoot).toBe(true);
      expect(container?.securityContext?.runAsUser ?? pod?.securityContext?.runAsUser ?? 1).not.toBe(0);
    });

    it.each(APPS)('lets %s drain: terminationGracePeriodSeconds covers preStop plus SHUTDOWN_TIMEOUT_MS', (app) => {
      const pod = deploymentSpec(app)?.template.spec;
      const container = appContainer(app);
      expect(container?.lifecycle?.preStop).toBeDefined();
      const preStop = container?.lifecycle?.preStop;
      const preStopMs = 1000 * (preStop?.sleep?.seconds ?? Number(/sleep\s+(\d+)/.exec((preStop?.exec?.command ?? []).join(' '))?.[1] ?? 0));
      const shutdownMs = Number(
        container ? (containerEnvValue(container, 'SHUTDOWN_TIMEOUT_MS') ?? appEnv(app).variables.get('SHUTDOWN_TIMEOUT_MS')?.defaultValue) : NaN,
      );
      expect(shutdownMs).toBeGreaterThan(0);
      expect(1000 * (pod?.terminationGracePeriodSeconds ?? 30)).toBeGreaterThan(preStopMs + shutdownMs);
    });

    it.each(APPS)('gives %s only variables its env class declares, and every required one from a non-optional source', (app) => {
      const container = appContainer(app);
      expect(container).toBeDefined();
      const names = containerEnvNames(container ?? { name: app });
      expect(undeclared(app, names)).toEqual([]);
      const optional = new Set(
        (container?.env ?? []).filter((e) => e.valueFrom?.secretKeyRef?.optional || e.valueFrom?.configMapKeyRef?.optional).map((e) => e.name),
      );
      expect(requiredVariables(app).filter((name) => !names.includes(name) || optional.has(name))).toEqual([]);
      const duplicates = names.filter((name, index) => names.indexOf(name) !== index);
      expect(duplicates).toEqual([]);
    });

    it.each(APPS)('sets PORT for %s, if at all, to its app port', (app) => {
      const container = appContainer(app);
      const port = container ? containerEnvValue(container, 'PORT') : undefined;
      expect(port === undefined || port === String(appPort(app))).toBe(true);
    });

    it('resolves every ConfigMap reference to an existing ConfigMap and key', () => {
      const problems = podTemplates().flatMap(({ owner, template }) =>
        [...template.spec.containers, ...(template.spec.initContainers ?? [])].flatMap((container) => [
          ...(container.env ?? [])
            .map((e) => ({ name: e.name, ref: e.valueFrom?.configMapKeyRef }))
            .filter(({ ref }) => ref && !ref.optional && configMapData(ref.name)?.[ref.key] === undefined)
            .map(({ name, ref }) => `${owner}: ${name} refers to ConfigMap ${ref?.name} key ${ref?.key}, which does not exist`),
          ...(container.envFrom ?? [])
            .filter((source) => source.configMapRef && !configMapData(source.configMapRef.name))
            .map((source) => `${owner}: envFrom ConfigMap ${source.configMapRef?.name} does not exist`),
        ]),
      );
      expect(problems).toEqual([]);
    });

    it(`documents every Secret and key the manifests reference in ${SECRETS_EXAMPLE}`, () => {
      const problems = podTemplates().flatMap(({ owner, template }) =>
        [...template.spec.containers, ...(template.spec.initContainers ?? [])].flatMap((container) => [
          ...(container.env ?? [])
            .map((e) => e.valueFrom?.secretKeyRef)
            .filter((ref): ref is { name: string; key: string } => ref !== undefined && !(exampleSecretKeys(ref.name) ?? []).includes(ref.key))
            .map((ref) => `${owner}: Secret ${ref.name} key ${ref.key} is not in ${SECRETS_EXAMPLE}`),
          ...(container.envFrom ?? [])
            .filter((source) => source.secretRef && !exampleSecretKeys(source.secretRef.name))
            .map((source) => `${owner}: envFrom Secret ${source.secretRef?.name} is not in ${SECRETS_EXAMPLE}`),
        ]),
      );
      expect(problems).toEqual([]);
    });

    it('writes no secret in clear: credentials come from secretKeyRef, Secrets only in the example', () => {
      const problems: string[] = [];
      for (const object of deployed()) {
        if (object.kind === 'Secret') problems.push(`${object.file}: Secret ${object.metadata.name} belongs in ${SECRETS_EXAMPLE} / a secret manager`);
        for (const [key, value] of Object.entries(object.data ?? {})) {
          if (SECRET_NAME.test(key)) problems.push(`${object.file}: ${object.kind} ${object.metadata.name} holds ${key}`);
          if (URL_PASSWORD.exec(String(value))?.[1]) problems.push(`${object.file}: ${object.kind} ${object.metadata.name} ${key} has a password in its URL`);
        }
      }
      for (const { owner, template } of podTemplates()) {
        for (const container of [...template.spec.containers, ...(template.spec.initContainers ?? [])]) {
          for (const entry of container.env ?? []) {
            if (SECRET_NAME.test(entry.name) && !entry.valueFrom?.secretKeyRef) problems.push(`${owner}: ${entry.name} must come from a secretKeyRef`);
            if (entry.value !== undefined && URL_PASSWORD.exec(entry.value)?.[1]) problems.push(`${owner}: ${entry.name} has a password in its URL`);
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it(`holds only placeholder values in ${SECRETS_EXAMPLE}`, () => {
      const secrets = exampleSecrets();
      expect(secrets.length).toBeGreaterThan(0);
      const real = secrets.flatMap((secret) =>
        Object.entries({ ...secret.data, ...secret.stringData })
          .filter(([, value]) => !String(value).includes('change-me'))
          .map(([key]) => `${secret.metadata.name}.${key}`),
      );
      expect(real).toEqual([]);
      expect(k8sObjects().filter((o) => o.file === SECRETS_EXAMPLE && o.kind !== 'Secret')).toEqual([]);
    });

    it('points every HorizontalPodAutoscaler at an existing Deployment and scales it on CPU from at least 2 replicas', () => {
      const problems = deployed()
        .filter((o) => o.kind === 'HorizontalPodAutoscaler')
        .flatMap((hpa) => {
          const spec = hpa.spec as HpaSpec;
          const found: string[] = [];
          if (hpa.apiVersion !== 'autoscaling/v2') found.push(`${hpa.metadata.name}: apiVersion ${hpa.apiVersion}`);
          if (spec.scaleTargetRef.kind !== 'Deployment' || !findObject('Deployment', spec.scaleTargetRef.name)) {
            found.push(`${hpa.metadata.name}: scaleTargetRef ${spec.scaleTargetRef.kind} ${spec.scaleTargetRef.name} does not exist`);
          }
          if ((spec.minReplicas ?? 1) < 2 || spec.maxReplicas < (spec.minReplicas ?? 1))
            found.push(`${hpa.metadata.name}: replicas ${spec.minReplicas}..${spec.maxReplicas}`);
          if (!(spec.metrics ?? []).some((m) => m.resource?.name === 'cpu' && m.resource.target.type === 'Utilization'))
            found.push(`${hpa.metadata.name}: no CPU utilisation metric`);
          return found;
        });
      expect(deployed().filter((o) => o.kind === 'HorizontalPodAutoscaler').length).toBeGreaterThanOrEqual(APPS.length);
      expect(problems).toEqual([]);
    });

    it('matches every Deployment selector to its pod labels', () => {
      const problems = deployed()
        .filter((o) => o.kind === 'Deployment')
        .filter((o) => {
          const spec = o.spec as DeploymentSpec;
          return !selectsPod(spec.selector.matchLabels, spec.template.metadata?.labels);
        })
        .map((o) => o.metadata.name);
      expect(problems).toEqual([]);
    });

    it.each(APPS)('exposes %s through a ClusterIP Service on port 80 that selects its pods and targets port "http"', (app) => {
      const service = specOf<ServiceSpec>(findObject('Service', app));
      expect(service?.type ?? 'ClusterIP').toBe('ClusterIP');
      expect(selectsPod(service?.selector, deploymentSpec(app)?.template.metadata?.labels)).toBe(true);
      expect(service?.ports?.map((p) => [p.port, p.targetPort])).toEqual([[80, 'http']]);
    });

    it('selects existing pods with every Service and PodDisruptionBudget', () => {
      const labels = podTemplates().map(({ template }) => template.metadata?.labels);
      const problems = deployed()
        .filter((o) => o.kind === 'Service' || o.kind === 'PodDisruptionBudget')
        .filter((o) => {
          const selector =
            o.kind === 'Service' ? (o.spec as ServiceSpec).selector : (o.spec as { selector?: { matchLabels?: Record<string, string> } }).selector?.matchLabels;
          return !labels.some((podLabels) => selectsPod(selector, podLabels));
        })
        .map((o) => `${o.kind} ${o.metadata.name}`);
      expect(problems).toEqual([]);
    });

    it('routes the Ingress to the gateway Service only, on a port that Service has', () => {
      const ingresses = deployed().filter((o) => o.kind === 'Ingress');
      expect(ingresses.length).toBeGreaterThan(0);
      const backends = ingresses.flatMap((o) => {
        const spec = o.spec as IngressSpec;
        return [spec.defaultBackend, ...(spec.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => p.backend))].filter(
          (b): b is IngressBackend => b !== undefined,
        );
      });
      expect(backends.length).toBeGreaterThan(0);
      const gatewayPorts = (specOf<ServiceSpec>(findObject('Service', PUBLIC_APP))?.ports ?? []).flatMap((p) => [p.port, p.name]);
      for (const backend of backends) {
        expect(backend.service?.name).toBe(PUBLIC_APP);
        expect(gatewayPorts).toContain(backend.service?.port.name ?? backend.service?.port.number);
      }
    });

    it('provisions the database with a Job on the provision image, every secret from a secretKeyRef', () => {
      const jobs = deployed().filter((o) => o.kind === 'Job');
      const job = jobs.find((o) => (o.spec as { template: PodTemplate }).template.spec.containers.some((c) => imageMatches(c.image, PROVISION.image)));
      expect(job).toBeDefined();
      const container = (job?.spec as { template: PodTemplate } | undefined)?.template.spec.containers.find((c) => imageMatches(c.image, PROVISION.image));
      const env = new Map((container?.env ?? []).map((e) => [e.name, e]));
      expect(env.get('DATABASE_ADMIN_URL')?.valueFrom?.secretKeyRef).toBeDefined();
      // Each role's password comes from the same Secret as the DATABASE_URL its service connects with.
      const problems = APPS.flatMap((app) => {
        const password = env.get(`${app.toUpperCase()}_DATABASE_PASSWORD`)?.valueFrom?.secretKeyRef;
        const url = appContainer(app)?.env?.find((e) => e.name === 'DATABASE_URL')?.valueFrom?.secretKeyRef;
        return password && url && password.name === url.name ? [] : [`${app}: password ${password?.name ?? 'missing'}, DATABASE_URL ${url?.name ?? 'missing'}`];
      });
      expect(problems).toEqual([]);
    });

    it('puts every object in the platform namespace', () => {
      const namespaces = deployed().filter((o) => o.kind === 'Namespace');
      expect(namespaces).toHaveLength(1);
      const name = namespaces[0].metadata.name;
      expect(kustomization().namespace).toBe(name);
      const elsewhere = k8sObjects()
        .filter((o) => o.kind !== 'Namespace' && o.metadata.namespace !== name)
        .map((o) => `${o.file}: ${o.kind} ${o.metadata.name}`);
      expect(elsewhere).toEqual([]);
    });
  });

  describe(`${K8S_DIR}/${KUSTOMIZATION}`, () => {
    it('lists only files that exist', () => {
      const resources = kustomization().resources ?? [];
      expect(resources.length).toBeGreaterThan(0);
      expect(resources.filter((file) => !existsSync(path.join(ROOT, K8S_DIR, file)))).toEqual([]);
    });

    it(`lists every manifest but ${SECRETS_EXAMPLE}`, () => {
      const resources = kustomization().resources ?? [];
      expect(resources).not.toContain(SECRETS_EXAMPLE);
      expect(k8sFiles().filter((file) => ![KUSTOMIZATION, SECRETS_EXAMPLE].includes(file) && !resources.includes(file))).toEqual([]);
    });

    it('pins an image for every app and the provision job', () => {
      const images = (kustomization().images ?? []).filter((image) => image.newTag).map((image) => image.name);
      expect([...APPS.map((app) => `shopfloor/${app}`), PROVISION.image].filter((image) => !images.includes(image))).toEqual([]);
    });
  });

  describe('.env.example', () => {
    const documented = memo(() => new Set([...read('.env.example').matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1])));

    it.each(APPS)('documents every variable %s reads', (app) => {
      expect([...appEnv(app).variables.keys()].filter((name) => !documented().has(name))).toEqual([]);
    });
  });
});
