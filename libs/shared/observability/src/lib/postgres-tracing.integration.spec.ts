import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { TEST_INFRA } from '@shopfloor/testing';
import { Client } from 'pg';
import { tracePostgresQueries } from './postgres-tracing';

describe(tracePostgresQueries.name, () => {
  const exporter = new InMemorySpanExporter();
  const contextManager = new AsyncLocalStorageContextManager().enable();
  let client: Client;

  beforeAll(async () => {
    context.setGlobalContextManager(contextManager);
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    tracePostgresQueries();
    tracePostgresQueries(); // a second call must not wrap twice
    client = new Client({ connectionString: TEST_INFRA.postgresAdminUrl });
    await client.connect();
  });

  afterAll(async () => {
    await client.end();
    trace.disable();
    context.disable();
  });

  beforeEach(() => exporter.reset());

  it('makes a client span per query, child of the span it was sent in, with the statement but not its values', async () => {
    const parent = trace.getTracer('test').startSpan('handler');
    await context.with(trace.setSpan(context.active(), parent), async () => {
      await client.query('SELECT $1::text AS secret', ['s3cret-value']);
      await new Promise<void>((resolve, reject) => client.query('SELECT 2 AS n', (error: Error | null) => (error ? reject(error) : resolve())));
    });
    parent.end();
    const spans = exporter.getFinishedSpans().filter((s) => s.name.startsWith('pg '));
    expect(spans.map((s) => s.name)).toEqual(['pg SELECT', 'pg SELECT']);
    for (const span of spans) {
      expect(span.spanContext().traceId).toBe(parent.spanContext().traceId);
      expect(span.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
      expect(span.attributes['db.system']).toBe('postgresql');
    }
    expect(spans[0].attributes['db.statement']).toBe('SELECT $1::text AS secret');
    expect(JSON.stringify(spans.map((s) => s.attributes))).not.toContain('s3cret-value');
  });

  it('marks a failed query as an error', async () => {
    await expect(client.query('SELECT * FROM no_such_table_anywhere')).rejects.toThrow();
    const [span] = exporter.getFinishedSpans();
    expect(span.name).toBe('pg SELECT');
    expect(span.status.code).toBe(2);
    expect(span.events.map((e) => e.name)).toContain('exception');
  });
});
