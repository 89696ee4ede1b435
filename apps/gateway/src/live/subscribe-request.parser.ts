import type { LiveSocketOptions } from './live-socket.options';

/** Which machines a client wants: a list of ids, or `*` for all of them. */
export type MachineSelection = readonly string[] | '*';

export type SubscribeParseResult = { ok: true; machines: MachineSelection } | { ok: false; message: string };

const USAGE = 'send {"subscribe": ["M-001", ...]} to filter machines, or {"subscribe": "*"} for all';

/**
 * Reads a client's `{ "subscribe": [...] }` message. An empty list or `"*"` (alone or in the list) means every
 * machine; ids are kept in order without duplicates.
 */
export function parseSubscribeRequest(text: string, limits: Pick<LiveSocketOptions, 'maxMachines' | 'maxMachineIdLength'>): SubscribeParseResult {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return { ok: false, message: `The message is not valid JSON; ${USAGE}` };
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message) || !('subscribe' in message)) {
    return { ok: false, message: `Unknown message; ${USAGE}` };
  }
  const subscribe = message.subscribe;
  if (subscribe === '*') return { ok: true, machines: '*' };
  if (!Array.isArray(subscribe)) return { ok: false, message: `subscribe must be an array of machine ids or "*"; ${USAGE}` };
  if (subscribe.length > limits.maxMachines) {
    return { ok: false, message: `subscribe lists ${subscribe.length} machine ids; at most ${limits.maxMachines} are allowed` };
  }
  const ids: string[] = [];
  for (const [index, id] of (subscribe as unknown[]).entries()) {
    if (typeof id !== 'string' || id.length === 0 || id.length > limits.maxMachineIdLength) {
      return { ok: false, message: `subscribe[${index}] must be a machine id of 1 to ${limits.maxMachineIdLength} characters` };
    }
    ids.push(id);
  }
  if (ids.length === 0 || ids.includes('*')) return { ok: true, machines: '*' };
  return { ok: true, machines: [...new Set(ids)] };
}
