import type { Consumer, JsMsg } from 'nats';

/**
 * Reads a throwaway ordered consumer up to the last message it had pending (or `limit` messages), handing each to
 * `each`, then deletes it. It stops on a message with nothing pending after it, or on an empty fetch, so it never
 * waits for messages published meanwhile. Returns how many it read.
 */
export async function readThrough(reader: Consumer, limit: number, fetchSize: number, expiresMs: number, each: (msg: JsMsg) => void): Promise<number> {
  let read = 0;
  try {
    for (let done = false; !done && read < limit;) {
      // Asking for no more than are there keeps a fetch from waiting out its expiry for messages that never come.
      const batch = await reader.fetch({ max_messages: Math.min(fetchSize, limit - read), expires: expiresMs });
      let seen = 0;
      for await (const msg of batch) {
        seen += 1;
        read += 1;
        each(msg);
        if (msg.info.pending === 0) {
          done = true;
          break;
        }
      }
      if (seen === 0) done = true;
    }
  } finally {
    await reader.delete().catch(() => false);
  }
  return read;
}
