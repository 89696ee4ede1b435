import { gunzipSync, gzipSync } from 'node:zlib';
import type { ModelArtifact } from './trained-model';

/** A trained model as the registry stores it: its artifact as gzipped JSON (trees and plans compress well). */
export function encodeArtifact(artifact: ModelArtifact): Buffer {
  return gzipSync(JSON.stringify(artifact));
}

/** The artifact of a stored model. */
export function decodeArtifact(bytes: Uint8Array): ModelArtifact {
  return JSON.parse(gunzipSync(bytes).toString('utf8')) as ModelArtifact;
}
