import { CONSUMERS } from '@shopfloor/contracts';
import { JSONCodec, type NatsConnection } from 'nats';

const codec = JSONCodec<{ sync_id?: string }>();

/**
 * A test that publishes SHOPFLOOR batches without running analytics leaves them waiting for the analytics consumer,
 * where the next analytics on this machine (a developer's `npm start`) would pick them up. This takes exactly the
 * batches of the given syncs off that consumer and leaves every other message where it was.
 */
export async function withdrawTestBatches(nc: NatsConnection, syncIds: Iterable<string>): Promise<number> {
  const ours = new Set(syncIds);
  const def = CONSUMERS.analyticsShopfloor;
  const consumer = await nc.jetstream().consumers.get(def.stream.name, def.durableName).catch(() => null);
  if (!consumer) return 0;
  let withdrawn = 0;
  for (;;) {
    const batch = await consumer.fetch({ max_messages: 256, expires: 1000 });
    let seen = 0;
    for await (const msg of batch) {
      seen += 1;
      let syncId: string | undefined;
      try {
        syncId = codec.decode(msg.data).sync_id;
      } catch {
        syncId = undefined;
      }
      if (syncId && ours.has(syncId)) {
        msg.ack();
        withdrawn += 1;
      } else {
        msg.nak();
      }
    }
    if (seen === 0) return withdrawn;
    if (seen < 256) return withdrawn;
  }
}
