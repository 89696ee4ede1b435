import { DOWNSTREAM_SERVICES, SERVICE_NAMES } from '@shopfloor/contracts';
import { createTestDatabase, freePort, ServiceProcess, TEST_INFRA, waitFor, type TestDatabase } from '@shopfloor/testing';
import { OwnNats } from './own-server';

export const ADMIN_KEY = 'e2e-bootstrap-admin-key-0123456789';
export const JWT_SECRET = 'e2e-jwt-secret-0123456789abcdef0123456789';

/**
 * The whole platform as separate processes on free ports, on a fresh database and a NATS server of its own: its
 * queue groups and durable consumers are shared with no other stack or service on this machine.
 */
export class Stack {
  readonly services = new Map<string, ServiceProcess>();
  /** The HTTP port of each service (its /health, /ready and /metrics), by service name. */
  readonly ports = new Map<string, number>();
  gatewayUrl = '';
  /** This stack's NATS, for a test's own connection. */
  natsUrl = '';
  database?: TestDatabase;
  private readonly nats = new OwnNats();

  private extraEnv: Record<string, string> = {};

  async start(extraEnv: Record<string, string> = {}): Promise<void> {
    await this.nats.start();
    this.natsUrl = this.nats.url;
    this.database = await createTestDatabase('sf_e2e');
    this.extraEnv = extraEnv;
    for (const service of SERVICE_NAMES) {
      const port = await freePort();
      this.ports.set(service, port);
      this.services.set(service, new ServiceProcess(service, this.envOf(service, port)));
      if (service === 'gateway') this.gatewayUrl = `http://127.0.0.1:${port}`;
    }
    await Promise.all([...this.services.values()].map((s) => s.start()));
    await waitFor('every service to be ready through the gateway', async () => (await fetch(`${this.gatewayUrl}/ready`)).status === 200, 30_000, 250);
  }

  /** Starts one more gateway replica on the same database and NATS; returns its URL. Stopped with the stack. */
  async addGateway(): Promise<string> {
    const port = await freePort();
    const replica = new ServiceProcess('gateway', this.envOf('gateway', port));
    this.services.set(`gateway-${this.services.size}`, replica);
    await replica.start();
    return `http://127.0.0.1:${port}`;
  }

  private envOf(service: string, port: number): Record<string, string> {
    if (!this.database) throw new Error('start the stack first');
    return {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      PORT: String(port),
      NATS_URL: this.natsUrl,
      REDIS_URL: TEST_INFRA.redisUrl,
      DATABASE_URL: this.database.serviceUrl(service),
      OTEL_SDK_DISABLED: 'true',
      SHUTDOWN_TIMEOUT_MS: '10000',
      ...(service === 'gateway' ? { JWT_SECRET, BOOTSTRAP_ADMIN_API_KEY: ADMIN_KEY, RPC_TIMEOUT_MS: '4000' } : {}),
      // Suites train and predict on request; the one about models that work by themselves turns these back on.
      ...(service === 'ml' ? { ML_AUTO_TRAIN_MIN_DAYS: '0', ML_RETRAIN_HOURS: '0', ML_SCORING_INTERVAL_SECONDS: '0' } : {}),
      ...this.extraEnv,
    };
  }

  service(name: (typeof SERVICE_NAMES)[number]): ServiceProcess {
    const s = this.services.get(name);
    if (!s) throw new Error(`no ${name} in the stack`);
    return s;
  }

  /** Stops every service gracefully; returns each one's exit code. */
  async stop(): Promise<Record<string, number | null>> {
    const codes: Record<string, number | null> = {};
    // The gateway first, as a load balancer would drain it, then the services behind it.
    codes['gateway'] = await this.service('gateway').stop();
    for (const [name, replica] of this.services) if (name.startsWith('gateway-')) codes[name] = await replica.stop();
    await Promise.all(DOWNSTREAM_SERVICES.map(async (s) => (codes[s] = await this.service(s).stop())));
    await this.database?.drop();
    await this.nats.stop();
    return codes;
  }

  kill(): void {
    for (const s of this.services.values()) s.kill();
    void this.nats.stop('SIGKILL');
  }
}
