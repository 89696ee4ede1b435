export interface NatsOptions {
  /** Comma-separated server URLs. */
  url: string;
  /** Connection name shown in NATS monitoring: the service and its instance. */
  name: string;
  user?: string;
  password?: string;
  token?: string;
  /** Upper bound for one RPC, in milliseconds. */
  rpcTimeoutMs: number;
}

export const NATS_OPTIONS = Symbol('NATS_OPTIONS');
