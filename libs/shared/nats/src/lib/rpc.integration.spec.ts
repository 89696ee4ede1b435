import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DomainError, ErrorCode } from '@shopfloor/contracts';
import { MetricsRegistry, requestContext } from '@shopfloor/observability';
import { TEST_INFRA, uniqueName } from '@shopfloor/testing';
import { connect, type NatsConnection } from 'nats';
import { JsonText } from './json-text';
import { NatsConnectionHolder } from './nats-connection';
import { RpcClient } from './rpc-client';
import { RpcErrorPassthroughFilter } from './rpc-error-passthrough.filter';
import { NatsRpcServer } from './rpc-server';

const PREFIX = uniqueName('rpctest');
const SUBJECT = {
  echo: `${PREFIX}.echo`,
  missing: `${PREFIX}.missing`,
  crash: `${PREFIX}.crash`,
  outage: `${PREFIX}.outage`,
  slow: `${PREFIX}.slow`,
  count: `${PREFIX}.count`,
  nobody: `${PREFIX}.nobody`,
  huge: `${PREFIX}.huge`,
  stored: `${PREFIX}.stored`,
};

const served: string[] = [];

@Controller()
class TestHandler {
  @MessagePattern(SUBJECT.echo)
  echo(@Payload() payload: unknown): { payload: unknown; requestId: string | undefined } {
    return { payload, requestId: requestContext.requestId() };
  }

  @MessagePattern(SUBJECT.missing)
  missing(): never {
    throw new DomainError(ErrorCode.MachineNotFound, 'Machine M-1 is not known', { machine_id: 'M-1' });
  }

  @MessagePattern(SUBJECT.crash)
  crash(): never {
    throw new TypeError('secret internal detail');
  }

  @MessagePattern(SUBJECT.outage)
  async outage(): Promise<never> {
    // What a pg pool raises while the database server cannot be reached.
    throw Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:5432'), { code: 'ECONNREFUSED' });
  }

  @MessagePattern(SUBJECT.slow)
  async slow(): Promise<string> {
    await new Promise((resolve) => setTimeout(resolve, 600));
    return 'done';
  }

  @MessagePattern(SUBJECT.stored)
  stored(): JsonText<{ oee: number; label: string }> {
    // As a cache holds it: text, never parsed on the way out.
    return new JsonText('{"oee":0.747937,"label":"Früh \\"A\\""}');
  }

  @MessagePattern(SUBJECT.huge)
  huge(): string {
    return 'x'.repeat(2 * 1024 * 1024);
  }

  @MessagePattern(SUBJECT.count)
  count(@Payload() payload: { instance?: string }): string {
    served.push(String(payload.instance));
    return process.pid.toString();
  }
}

@Module({ controllers: [TestHandler] })
class TestModule {}

async function startServer(nc: NatsConnection, metrics: MetricsRegistry): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice(TestModule, { strategy: new NatsRpcServer(nc, PREFIX, metrics, 5000), logger: false });
  app.useGlobalFilters(new RpcErrorPassthroughFilter());
  await app.listen();
  return app;
}

describe(NatsRpcServer.name, () => {
  let serverConnections: NatsConnection[];
  let servers: INestMicroservice[];
  let clientConnection: NatsConnection;
  let client: RpcClient;

  beforeAll(async () => {
    serverConnections = await Promise.all([connect({ servers: TEST_INFRA.natsUrl }), connect({ servers: TEST_INFRA.natsUrl })]);
    servers = await Promise.all(serverConnections.map((nc) => startServer(nc, new MetricsRegistry())));
    clientConnection = await connect({ servers: TEST_INFRA.natsUrl });
    client = new RpcClient(new NatsConnectionHolder(clientConnection), { url: TEST_INFRA.natsUrl, name: 'test', rpcTimeoutMs: 2000 });
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await Promise.all([...serverConnections, clientConnection].map((nc) => nc.close()));
  });

  it('answers a request and runs the handler in the caller’s correlation context', async () => {
    const reply = await requestContext.run({ requestId: 'req-42' }, () => client.request<{ payload: unknown; requestId: string }>(SUBJECT.echo, { a: 1 }));
    expect(reply).toEqual({ payload: { a: 1 }, requestId: 'req-42' });
  });

  it('sends an answer that is already JSON text as it is, and hands it on as bytes or as a value', async () => {
    expect(await client.request(SUBJECT.stored, {})).toEqual({ oee: 0.747937, label: 'Früh "A"' });
    expect((await client.requestJson(SUBJECT.stored, {})).toString('utf8')).toBe('{"oee":0.747937,"label":"Früh \\"A\\""}');
    // Any other answer comes out of requestJson as its JSON, and an error as the domain error.
    expect(JSON.parse((await client.requestJson(SUBJECT.echo, { a: [1, 'ü'] })).toString('utf8'))).toMatchObject({ payload: { a: [1, 'ü'] } });
    await expect(client.requestJson(SUBJECT.missing, {})).rejects.toMatchObject({ code: ErrorCode.MachineNotFound });
  });

  it('returns a domain error to the caller with its code and details', async () => {
    const error = await client.request(SUBJECT.missing, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: ErrorCode.MachineNotFound, message: 'Machine M-1 is not known', details: { machine_id: 'M-1' } });
  });

  it('turns an unexpected error into INTERNAL_ERROR without leaking its text', async () => {
    const error = (await client.request(SUBJECT.crash, {}).catch((e: unknown) => e)) as DomainError;
    expect(error.code).toBe(ErrorCode.InternalError);
    expect(error.message).not.toContain('secret internal detail');
  });

  it('turns a dependency that cannot be reached into SERVICE_UNAVAILABLE, naming no address', async () => {
    const error = (await client.request(SUBJECT.outage, {}).catch((e: unknown) => e)) as DomainError;
    expect(error.code).toBe(ErrorCode.ServiceUnavailable);
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain('10.1.2.3');
  });

  it('passes on an answer larger than a message through the reply bucket, whole, as a value or as bytes', async () => {
    expect(await client.request(SUBJECT.huge, {})).toBe('x'.repeat(2 * 1024 * 1024));
    expect((await client.requestJson(SUBJECT.huge, {})).length).toBe(2 * 1024 * 1024 + 2);
    // The server keeps serving.
    expect(await client.request(SUBJECT.echo, { still: 'up' })).toMatchObject({ payload: { still: 'up' } });
  });

  it('refuses a request larger than the bus carries with PAYLOAD_TOO_LARGE, not as an outage', async () => {
    const error = (await client.request(SUBJECT.echo, { text: 'x'.repeat(2 * 1024 * 1024) }).catch((e: unknown) => e)) as DomainError;
    expect(error.code).toBe(ErrorCode.PayloadTooLarge);
    expect(error.details).toMatchObject({ limit: expect.any(Number) });
    expect(await client.request(SUBJECT.echo, { still: 'up' })).toMatchObject({ payload: { still: 'up' } });
  });

  it('fails at once with SERVICE_UNAVAILABLE when nobody serves the subject', async () => {
    const started = Date.now();
    const error = (await client.request(SUBJECT.nobody, {}).catch((e: unknown) => e)) as DomainError;
    expect(error.code).toBe(ErrorCode.ServiceUnavailable);
    expect(error.message).toContain('no instance is running');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('fails with SERVICE_UNAVAILABLE after the timeout when the handler is too slow', async () => {
    const started = Date.now();
    const error = (await client.request(SUBJECT.slow, {}, 200).catch((e: unknown) => e)) as DomainError;
    expect(error.code).toBe(ErrorCode.ServiceUnavailable);
    expect(error.message).toContain('did not answer in time');
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(600);
  });

  it('gives each of many requests in flight together its own answer, also after one of them timed out', async () => {
    await client.request(SUBJECT.slow, {}, 50).catch(() => undefined);
    const payloads = Array.from({ length: 50 }, (_, i) => ({ i }));
    const replies = await Promise.all(payloads.map((p) => client.request<{ payload: unknown }>(SUBJECT.echo, p)));

    expect(replies.map((r) => r.payload)).toEqual(payloads);
  });

  it('answers each request once across replicas in the queue group', async () => {
    served.length = 0;
    const n = 40;
    await Promise.all(Array.from({ length: n }, (_, i) => client.request(SUBJECT.count, { instance: String(i) })));
    expect(served).toHaveLength(n);
    expect(new Set(served).size).toBe(n);
  });

  it('finishes a request in flight before it closes', async () => {
    const nc = await connect({ servers: TEST_INFRA.natsUrl });
    const lonely = await startServer(nc, new MetricsRegistry());
    // The two shared servers stop first, so only `lonely` can take the request.
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
    const pending = client.request<string>(SUBJECT.slow, {}, 3000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await lonely.close();
    await expect(pending).resolves.toBe('done');
    await nc.close();
  });
});
