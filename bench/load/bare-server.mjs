// The floor for the gateway's cached answers: node:http answering fixed bytes with fixed headers (a fresh
// X-Request-Id each time, as the gateway sends one), in a process of its own. Started by gateway.mjs over IPC:
// it receives { body (base64), headers } and answers { port }.
import { randomUUID } from 'node:crypto';
import http from 'node:http';

process.once('message', ({ body, headers }) => {
  const bytes = Buffer.from(body, 'base64');
  const fixed = { ...headers, 'content-length': String(bytes.length) };
  const server = http.createServer((req, res) => {
    res.writeHead(200, { ...fixed, 'x-request-id': randomUUID() });
    res.end(bytes);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
  process.on('disconnect', () => server.close(() => process.exit(0)));
});
