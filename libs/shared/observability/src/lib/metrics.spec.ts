import { MetricsRegistry } from './metrics';

describe(MetricsRegistry.name, () => {
  it('renders the HTTP and NATS latency histograms with their observations and the default labels', async () => {
    const metrics = new MetricsRegistry();
    metrics.setDefaultLabels({ service: 'gateway' });

    metrics.httpDuration.observe({ method: 'GET', route: '/api/v1/machines', status_code: '200' }, 0.042);
    metrics.natsHandlerDuration.observe({ subject: 'shopfloor.rpc.machines.get', kind: 'rpc', outcome: 'ok' }, 0.003);
    const text = await metrics.render();

    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toContain('# TYPE nats_handler_duration_seconds histogram');
    expect(text).toMatch(
      /^http_request_duration_seconds_count\{(?=[^}]*method="GET")(?=[^}]*route="\/api\/v1\/machines")(?=[^}]*status_code="200")(?=[^}]*service="gateway")[^}]*\} 1$/m,
    );
    expect(text).toMatch(/^http_request_duration_seconds_sum\{[^}]*service="gateway"[^}]*\} 0\.042$/m);
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{le="0\.025",[^}]*\} 0$/m);
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{le="0\.05",[^}]*\} 1$/m);
    expect(text).toMatch(
      /^nats_handler_duration_seconds_count\{(?=[^}]*subject="shopfloor\.rpc\.machines\.get")(?=[^}]*kind="rpc")(?=[^}]*outcome="ok")(?=[^}]*service="gateway")[^}]*\} 1$/m,
    );
    expect(text).toMatch(/^nats_handler_duration_seconds_bucket\{le="0\.001",[^}]*\} 0$/m);
    expect(text).toMatch(/^nats_handler_duration_seconds_bucket\{le="0\.005",[^}]*\} 1$/m);
  });

  it('includes the default process metrics with the default labels', async () => {
    const metrics = new MetricsRegistry();
    metrics.setDefaultLabels({ service: 'analytics' });

    const text = await metrics.render();

    expect(text).toMatch(/^process_cpu_user_seconds_total\{service="analytics"\} \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes\{service="analytics"\} \d/m);
  });

  it('keeps each registry separate', async () => {
    const first = new MetricsRegistry();
    const second = new MetricsRegistry();

    first.httpDuration.observe({ method: 'POST', route: '/api/v1/auth/token', status_code: '201' }, 0.2);

    expect(await first.render()).toContain('route="/api/v1/auth/token"');
    expect(await second.render()).not.toContain('route="/api/v1/auth/token"');
  });

  it('serves the Prometheus text format', () => {
    expect(new MetricsRegistry().contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });
});
