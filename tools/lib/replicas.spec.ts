import { parseReplicas, replicaPlan } from './replicas.cjs';

const SERVICES = ['gateway', 'ingestion', 'analytics'];

describe('parseReplicas', () => {
  it('runs one process per service without the option', () => {
    expect(parseReplicas(['--logs'], SERVICES)).toEqual({ gateway: 1, ingestion: 1, analytics: 1 });
  });

  it('takes one count for every service, or counts per service, in either spelling', () => {
    expect(parseReplicas(['--replicas', '2'], SERVICES)).toEqual({ gateway: 2, ingestion: 2, analytics: 2 });
    expect(parseReplicas(['--replicas=gateway=2,analytics=3'], SERVICES)).toEqual({ gateway: 2, ingestion: 1, analytics: 3 });
    expect(parseReplicas(['--replicas', '2,ingestion=1'], SERVICES)).toEqual({ gateway: 2, ingestion: 1, analytics: 2 });
  });

  it('refuses unknown services, counts out of range and a missing value, naming the problem', () => {
    expect(() => parseReplicas(['--replicas', 'gatway=2'], SERVICES)).toThrow('unknown service "gatway" (services: gateway, ingestion, analytics)');
    expect(() => parseReplicas(['--replicas', '0'], SERVICES)).toThrow('"0" is not a replica count from 1 to 16');
    expect(() => parseReplicas(['--replicas', 'analytics=two'], SERVICES)).toThrow('--replicas analytics: "two"');
    expect(() => parseReplicas(['--replicas'], SERVICES)).toThrow('--replicas needs a value');
    expect(() => parseReplicas(['--replicas', '--logs'], SERVICES)).toThrow('--replicas needs a value');
  });
});

describe('replicaPlan', () => {
  const services = [
    { name: 'gateway', port: 3000 },
    { name: 'analytics', port: 3002 },
  ];

  it('keeps the usual ports with one replica each', () => {
    expect(replicaPlan(services, { gateway: 1, analytics: 1 }, ['gateway'])).toEqual([
      { id: 'gateway', service: 'gateway', replica: 1, port: 3000 },
      { id: 'analytics', service: 'analytics', replica: 1, port: 3002 },
    ]);
  });

  it('gives every replica a port of its own, leaving a balanced service its port for the balancer', () => {
    expect(replicaPlan(services, { gateway: 2, analytics: 2 }, ['gateway']).map((r) => [r.id, r.port])).toEqual([
      ['gateway#1', 3100],
      ['gateway#2', 3200],
      ['analytics#1', 3002],
      ['analytics#2', 3102],
    ]);
  });
});
