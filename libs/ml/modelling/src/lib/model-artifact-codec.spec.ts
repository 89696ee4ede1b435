import { gunzipSync } from 'node:zlib';
import { decodeArtifact, encodeArtifact } from './model-artifact-codec';
import type { ModelArtifact } from './trained-model';

describe('model artifact codec', () => {
  const artifact = { format: 1, kind: 'shopfloor-anomaly', threshold: 0.61, forest: { trees: [] } } as unknown as ModelArtifact;

  it('stores the artifact as gzipped JSON, as the registry has always held it', () => {
    expect(JSON.parse(gunzipSync(encodeArtifact(artifact)).toString('utf8'))).toEqual(artifact);
  });

  it('reads back what it stored', () => {
    expect(decodeArtifact(encodeArtifact(artifact))).toEqual(artifact);
  });
});
