import { CONSUMERS } from '@shopfloor/contracts';
import { DeliverPolicy, JSONCodec, type NatsConnection } from 'nats';

const codec = JSONCodec<{ sync_id?: string }>();

/**
 * A test that publishes SHOPFLOOR batches without running analytics and ml leaves them waiting for their consumers,
 * where the next analytics or ml on this machine (a developer's `npm start`) would pick them up. This deletes exactly
 * the batches of the given syncs, published since `since`, from the stream: no consumer ever gets them, and every
 * other message stays untouched (read through a throwaway ordered consumer, so no durable consumer counts a delivery).
 * Returns how many it deleted.
 */
export async function withdrawTestBatches(nc: NatsConnection, syncIds: Iterable<string>, since: Date): Promise<number> {
  const ours = new Set(syncIds);
  if (ours.size === 0) return 0;
  const stream = CONSUMERS.analyticsShopfloor.stream.name;
  const jsm = await nc.jetstreamManager();
  const last = await jsm.streams
    .info(stream)
    .then((info) => info.state.last_seq)
    .catch(() => 0);
  if (last === 0) return 0;
  const reader = await nc.jetstream().consumers.get(stream, { deliver_policy: DeliverPolicy.StartTime, opt_start_time: since.toISOString() });
  const found: number[] = [];
  for (let done = false; !done;) {
    const batch = await reader.fetch({ max_messages: 500, expires: 1000 });
    let seen = 0;
    for await (const msg of batch) {
      seen += 1;
      let syncId: string | undefined;
      try {
        syncId = codec.decode(msg.data).sync_id;
      } catch {
        syncId = undefined;
      }
      if (syncId !== undefined && ours.has(syncId)) found.push(msg.seq);
      if (msg.seq >= last) done = true;
    }
    if (seen === 0) done = true;
  }
  for (const seq of found) await jsm.streams.deleteMessage(stream, seq, false).catch(() => false);
  return found.length;
}
