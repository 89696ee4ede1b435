#!/usr/bin/env node
// Container health check: GET http://127.0.0.1:$PORT/health (liveness: the event loop answers). The runtime image
// has no curl or wget, so Node's own fetch does it. Exit 0 when healthy, 1 otherwise.
const port = process.env.PORT || '3000';
const timeoutMs = Number(process.env.HEALTHCHECK_TIMEOUT_MS || 2500);

fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(timeoutMs) })
  .then((res) => process.exit(res.ok ? 0 : 1))
  .catch(() => process.exit(1));
