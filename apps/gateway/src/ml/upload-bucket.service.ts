import { Injectable } from '@nestjs/common';
import { NatsConnectionHolder, openUploadBucket } from '@shopfloor/nats';
import type { ObjectStore } from 'nats';

/** The gateway's handle on the upload bucket, opened on first use. */
@Injectable()
export class UploadBucketService {
  private bucket?: Promise<ObjectStore>;

  constructor(private readonly nats: NatsConnectionHolder) {}

  async open(): Promise<ObjectStore> {
    this.bucket ??= openUploadBucket(this.nats.connection).catch((error: unknown) => {
      this.bucket = undefined;
      throw error;
    });
    return this.bucket;
  }
}
