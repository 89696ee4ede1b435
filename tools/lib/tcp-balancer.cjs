// The public port of a service run as several processes on one host: each TCP connection goes to the next backend
// in turn (round robin); a backend that refuses the connection (stopped, restarting) is skipped for the next one, so
// clients see one address whatever the replicas do. It works below HTTP, so WebSockets and keep-alive connections
// pass unchanged and stay with the backend they reached.
'use strict';
const { createConnection, createServer } = require('node:net');

const CONNECT_TIMEOUT_MS = 2000;

/**
 * `backends()` is asked at every connection for the current list of { host, port } (e.g. the replicas whose process
 * is up). Returns the listening server; `close()` it to stop taking connections and drop the open ones.
 */
function createBalancer(backends) {
  let next = 0;
  const sockets = new Set();
  const track = (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };

  const server = createServer({ pauseOnConnect: true }, (client) => {
    track(client);
    client.on('error', () => client.destroy());
    const candidates = backends();
    const start = next;
    next = (next + 1) % Math.max(candidates.length, 1);
    const tryBackend = (attempt) => {
      if (client.destroyed) return;
      if (attempt >= candidates.length) {
        client.destroy();
        return;
      }
      const backend = candidates[(start + attempt) % candidates.length];
      const upstream = createConnection({ host: backend.host, port: backend.port });
      upstream.setTimeout(CONNECT_TIMEOUT_MS, () => upstream.destroy(new Error('connect timeout')));
      const failed = () => tryBackend(attempt + 1);
      upstream.once('error', failed);
      upstream.once('connect', () => {
        upstream.setTimeout(0);
        upstream.off('error', failed);
        track(upstream);
        upstream.on('error', () => client.destroy());
        upstream.once('close', () => client.destroy());
        client.once('close', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      });
    };
    tryBackend(0);
  });

  const close = server.close.bind(server);
  server.close = (callback) => {
    close(callback);
    for (const socket of sockets) socket.destroy();
    return server;
  };
  return server;
}

module.exports = { createBalancer };
