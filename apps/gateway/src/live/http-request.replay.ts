import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';

const UPGRADE_ONLY_HEADERS = new Set(['upgrade', 'http2-settings']);
const UPGRADE_CONNECTION_TOKENS = new Set(['upgrade', 'http2-settings']);

/**
 * Hands an upgrade request the live endpoints do not take back to the ordinary HTTP pipeline (Express, its 404 and
 * error body) as if it had no Upgrade header — RFC 9110 §7.8 lets a server ignore Upgrade.
 *
 * Needed because on Node 20 one `upgrade` listener makes the server route every request carrying `Upgrade` there,
 * including `Upgrade: h2c`, which Java's HttpClient sends by default on plain http: without this, those REST calls
 * would never reach their routes. The request is re-serialised from its parsed headers minus the upgrade ones, put
 * back in front of the unread bytes (body, further keep-alive requests), and the socket is given to the server as a
 * new connection, whose parser reads it afresh.
 */
export function replayAsHttpRequest(server: Server, req: IncomingMessage, socket: Socket, head: Buffer): void {
  const lines = [`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/${req.httpVersion}`];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i];
    const value = req.rawHeaders[i + 1];
    const lower = name.toLowerCase();
    if (UPGRADE_ONLY_HEADERS.has(lower)) continue;
    if (lower === 'connection') {
      const kept = value
        .split(',')
        .map((token) => token.trim())
        .filter((token) => token !== '' && !UPGRADE_CONNECTION_TOKENS.has(token.toLowerCase()));
      if (kept.length > 0) lines.push(`${name}: ${kept.join(', ')}`);
      continue;
    }
    lines.push(`${name}: ${value}`);
  }
  socket.unshift(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), head]));
  server.emit('connection', socket);
}
