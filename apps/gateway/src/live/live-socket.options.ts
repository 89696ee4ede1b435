/** Limits and timings of the live WebSocket endpoints; the defaults are the public contract (API.md "WebSocket"). */
export interface LiveSocketOptions {
  /** How often every client is pinged; a client that has not answered the previous ping by then is dropped. */
  heartbeatIntervalMs: number;
  /** Largest message a client may send; a bigger one closes its socket with 1009. */
  maxMessageBytes: number;
  /** Unsent data allowed to queue for one client before it counts as too slow and is closed with 1013. */
  maxBufferedBytes: number;
  /** Most machine ids in one subscribe message. */
  maxMachines: number;
  maxMachineIdLength: number;
  /** How long shutdown waits for clients to answer the 1001 close before cutting them off. */
  shutdownGraceMs: number;
}

export const LIVE_SOCKET_OPTIONS = Symbol('LIVE_SOCKET_OPTIONS');

export const DEFAULT_LIVE_SOCKET_OPTIONS: LiveSocketOptions = {
  heartbeatIntervalMs: 30_000,
  maxMessageBytes: 16 * 1024,
  maxBufferedBytes: 1024 * 1024,
  maxMachines: 500,
  maxMachineIdLength: 50,
  shutdownGraceMs: 2_000,
};
