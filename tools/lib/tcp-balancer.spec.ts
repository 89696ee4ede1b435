import { createConnection, createServer, type AddressInfo, type Server } from 'node:net';
import { createBalancer } from './tcp-balancer.cjs';

/** A backend that answers every connection with its name. */
async function namedServer(name: string): Promise<Server> {
  const server = createServer((socket) => socket.end(name));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const portOf = (server: Server): number => (server.address() as AddressInfo).port;

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return portOf(server);
}

/** What one connection through the balancer reads until it closes. */
function ask(port: number): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const socket = createConnection(port, '127.0.0.1');
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(text));
  });
}

const close = (server: Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

describe('createBalancer', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(close));
  });

  it('hands connections to the backends in turn', async () => {
    const a = await namedServer('a');
    const b = await namedServer('b');
    const balancer = createBalancer(() => [a, b].map((s) => ({ host: '127.0.0.1', port: portOf(s) })));
    servers.push(a, b, balancer);
    const port = await listen(balancer);
    const answers: string[] = [];
    for (let i = 0; i < 4; i += 1) answers.push(await ask(port));
    expect(answers).toEqual(['a', 'b', 'a', 'b']);
  });

  it('skips a backend that refuses the connection', async () => {
    const a = await namedServer('a');
    const gone = await namedServer('gone');
    const gonePort = portOf(gone);
    await close(gone);
    const balancer = createBalancer(() => [
      { host: '127.0.0.1', port: gonePort },
      { host: '127.0.0.1', port: portOf(a) },
    ]);
    servers.push(a, balancer);
    const port = await listen(balancer);
    expect([await ask(port), await ask(port), await ask(port)]).toEqual(['a', 'a', 'a']);
  });

  it('closes the client connection when no backend takes it', async () => {
    const balancer = createBalancer(() => []);
    servers.push(balancer);
    expect(await ask(await listen(balancer))).toBe('');
  });

  it('carries data both ways for as long as the connection lasts', async () => {
    const echo = createServer((socket) => socket.pipe(socket));
    await listen(echo);
    const balancer = createBalancer(() => [{ host: '127.0.0.1', port: portOf(echo) }]);
    servers.push(echo, balancer);
    const port = await listen(balancer);
    const socket = createConnection(port, '127.0.0.1');
    const reply = await new Promise<string>((resolve) => {
      socket.once('data', (chunk: Buffer) => resolve(chunk.toString()));
      socket.write('ping');
    });
    socket.destroy();
    expect(reply).toBe('ping');
  });
});
