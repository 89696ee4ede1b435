import { createServer, type Server } from 'node:http';
import request from 'supertest';
import { freePort, waitFor } from '@shopfloor/testing';
import { ADMIN_KEY, Stack } from './stack';

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: OtlpValue }[];
}
interface ReceivedSpan extends OtlpSpan {
  service: string;
}

const SPAN_KIND_SERVER = 2;
const attribute = (span: OtlpSpan, key: string): string | undefined => {
  const value = span.attributes?.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : String(value.intValue));
};

/**
 * An OTLP/HTTP JSON receiver on a local port, as an OpenTelemetry collector would be: the services of the stack
 * export their spans to it (OTEL_TRACES_EXPORTER=otlp), and it keeps them for the test to read.
 */
function otlpReceiver(spans: ReceivedSpan[]): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          resourceSpans?: { resource?: { attributes?: { key: string; value: OtlpValue }[] }; scopeSpans?: { spans?: OtlpSpan[] }[] }[];
        };
        for (const rs of body.resourceSpans ?? []) {
          const service = rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
          for (const ss of rs.scopeSpans ?? []) for (const span of ss.spans ?? []) spans.push({ ...span, service });
        }
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{}');
    });
  });
}

describe('tracing: one trace from the HTTP request over NATS to the database', () => {
  const stack = new Stack();
  const spans: ReceivedSpan[] = [];
  const receiver = otlpReceiver(spans);

  beforeAll(async () => {
    const port = await freePort();
    await new Promise<void>((resolve) => receiver.listen(port, '127.0.0.1', resolve));
    await stack.start({
      OTEL_SDK_DISABLED: 'false',
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_METRICS_EXPORTER: 'none',
      OTEL_LOGS_EXPORTER: 'none',
      // Export within a fraction of a second, not the default 5 s.
      OTEL_BSP_SCHEDULE_DELAY: '200',
    });
  }, 120_000);

  afterAll(async () => {
    await stack.stop();
    await new Promise((resolve) => receiver.close(resolve));
  }, 60_000);

  it('carries the trace of GET /api/v1/machines from the gateway to analytics and its PostgreSQL queries', async () => {
    const response = await request(stack.gatewayUrl).get('/api/v1/machines').set('X-API-Key', ADMIN_KEY).set('X-Request-Id', 'trace-e2e-1');
    expect(response.status).toBe(200);

    const root = await waitFor('the gateway span of the request', () =>
      spans.find(
        (s) =>
          s.service === 'gateway' &&
          s.kind === SPAN_KIND_SERVER &&
          (attribute(s, 'http.target') ?? attribute(s, 'url.path') ?? '').startsWith('/api/v1/machines'),
      ),
    );
    const trace = (): ReceivedSpan[] => spans.filter((s) => s.traceId === root.traceId);
    const rpc = await waitFor('the analytics RPC span in the same trace', () =>
      trace().find((s) => s.service === 'analytics' && s.name.startsWith('rpc analytics.')),
    );
    const query = await waitFor('a PostgreSQL span of analytics under it', () => {
      const byId = new Map(trace().map((s) => [s.spanId, s]));
      const descendsFrom = (span: ReceivedSpan | undefined, ancestor: string): boolean => {
        for (let s = span; s; s = s.parentSpanId ? byId.get(s.parentSpanId) : undefined) if (s.parentSpanId === ancestor) return true;
        return false;
      };
      return trace().find((s) => s.service === 'analytics' && s.name.startsWith('pg ') && descendsFrom(s, rpc.spanId));
    });

    // The RPC span's parent is a span of the gateway in the same trace: the context crossed NATS in the headers.
    const parent = trace().find((s) => s.spanId === rpc.parentSpanId);
    expect(parent?.service).toBe('gateway');
    expect(attribute(query, 'db.system')).toBe('postgresql');
    expect(attribute(query, 'db.statement')).toMatch(/\bFROM\b/i);
  });
});
