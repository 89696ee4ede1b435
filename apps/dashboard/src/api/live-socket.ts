/** A message of a live channel (README: WebSocket). */
export interface LiveMessage {
  type: string;
  machine_id?: string;
  data: unknown;
  timestamp?: string;
}

export type SocketState = { kind: 'connecting' } | { kind: 'open' } | { kind: 'waiting'; retryAt: number };

export interface LiveSocketOptions {
  /** `/ws/machine-status` or `/ws/predictions`. */
  path: string;
  token: () => string;
  onMessage: (message: LiveMessage) => void;
  onState: (state: SocketState) => void;
  /** Called after each (re)connection, so that what was missed meanwhile is read again. */
  onOpen?: () => void;
  /** The gateway closed the socket for the credentials it was opened with (4401) and there are no newer ones: renew them; false stops reconnecting. */
  onCredentialsRefused: () => Promise<boolean>;
}

const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

/**
 * A WebSocket to the gateway that reconnects with exponential backoff and jitter (1 s doubling up to 30 s), asks
 * for every machine, and renews the token when the gateway says it has run out. Returns a function that closes it.
 */
export function openLiveSocket(options: LiveSocketOptions): () => void {
  let socket: WebSocket | null = null;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let openedWith = '';

  const url = (): string => {
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    openedWith = options.token();
    return `${scheme}//${window.location.host}${options.path}?token=${encodeURIComponent(openedWith)}`;
  };

  const retry = (): void => {
    if (stopped) return;
    const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt) * (0.5 + Math.random() / 2);
    attempt += 1;
    options.onState({ kind: 'waiting', retryAt: Date.now() + delay });
    timer = setTimeout(connect, delay);
  };

  function connect(): void {
    if (stopped) return;
    options.onState({ kind: 'connecting' });
    const ws = new WebSocket(url());
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      ws.send(JSON.stringify({ subscribe: '*' }));
      options.onState({ kind: 'open' });
      options.onOpen?.();
    };
    ws.onmessage = (event: MessageEvent<string>) => {
      try {
        options.onMessage(JSON.parse(event.data) as LiveMessage);
      } catch {
        // Not JSON: nothing the board can show.
      }
    };
    ws.onclose = (event) => {
      if (stopped || socket !== ws) return;
      socket = null;
      if (event.code === 4401) {
        // A socket lives on the token it was opened with: when that one expires, the renewed token opens the next.
        if (options.token() !== openedWith && options.token() !== '') return connect();
        void options.onCredentialsRefused().then((renewed) => (renewed ? connect() : options.onState({ kind: 'waiting', retryAt: Number.POSITIVE_INFINITY })));
        return;
      }
      retry();
    };
  }

  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    socket?.close(1000, 'board closed');
    socket = null;
  };
}
