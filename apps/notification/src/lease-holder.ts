import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * The name a worker's leases are held under: host and process for people reading the rows, and a random part so
 * that no two workers ever share one (two in one process, or a restarted container that got the same pid).
 */
export function leaseHolderName(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}
