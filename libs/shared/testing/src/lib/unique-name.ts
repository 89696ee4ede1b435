import { randomBytes } from 'node:crypto';

/** A lower-case name no other test run uses: for databases, streams, consumers, subjects. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`.toLowerCase();
}
