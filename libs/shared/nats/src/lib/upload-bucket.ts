import { ML_UPLOADS_BUCKET, RPC_REPLIES_BUCKET } from '@shopfloor/contracts';
import { nanos, StorageType, type NatsConnection, type ObjectStore } from 'nats';

/**
 * The JetStream object store that carries uploads too large for one NATS message from the gateway to the service
 * that owns them. Opening it creates it if missing (harmless when it exists); entries expire after an hour, so an
 * upload whose owner never collected it does not stay.
 */
export async function openUploadBucket(connection: NatsConnection): Promise<ObjectStore> {
  return connection.jetstream().views.os(ML_UPLOADS_BUCKET.name, {
    description: 'Uploads on their way from the gateway to the ml service',
    ttl: nanos(ML_UPLOADS_BUCKET.maxAgeSeconds * 1000),
    storage: StorageType.File,
  });
}

/**
 * The JetStream object store that carries request/reply answers larger than one NATS message: the answering service
 * puts the answer there and replies with its name; the caller reads it and deletes it. Entries expire after ten
 * minutes, so one whose caller gave up does not stay.
 */
export async function openReplyBucket(connection: NatsConnection): Promise<ObjectStore> {
  return connection.jetstream().views.os(RPC_REPLIES_BUCKET.name, {
    description: 'Request/reply answers too large for one message',
    ttl: nanos(RPC_REPLIES_BUCKET.maxAgeSeconds * 1000),
    storage: StorageType.File,
  });
}
