/** The live streams a client can open, one per WebSocket path. */
export type LiveChannel = 'machine-status' | 'alerts' | 'predictions';

const CHANNEL_BY_PATH = new Map<string, LiveChannel>([
  ['/ws/machine-status', 'machine-status'],
  ['/ws/alerts', 'alerts'],
  ['/ws/predictions', 'predictions'],
]);

/** Every channel, for metrics that report each from the start. */
export const LIVE_CHANNELS: readonly LiveChannel[] = [...CHANNEL_BY_PATH.values()];

/** The channel served at a request URL's path (the query is ignored), or undefined for any other path. */
export function liveChannelOf(url: string | undefined): LiveChannel | undefined {
  if (!url) return undefined;
  try {
    return CHANNEL_BY_PATH.get(new URL(url, 'http://gateway.invalid').pathname);
  } catch {
    return undefined;
  }
}
