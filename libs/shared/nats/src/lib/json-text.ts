/**
 * An answer that is already JSON text (a cached answer, say). An RPC handler returning one has it sent as it is, and
 * `RpcClient.requestJson` hands it on as bytes: the answer is not parsed and encoded again at every hop.
 */
export class JsonText<T = unknown> {
  constructor(readonly text: string) {}

  static of<T>(value: T): JsonText<T> {
    return new JsonText<T>(JSON.stringify(value));
  }

  parse(): T {
    return JSON.parse(this.text) as T;
  }
}

/** How every successful reply starts on the wire (`JSON.stringify({ ok: true, data })` writes the keys in this order). */
export const OK_REPLY_PREFIX = '{"ok":true,"data":';

/** How a reply that waits in the reply bucket starts on the wire: `{"ok":true,"object":"<name>"}`. */
export const OBJECT_REPLY_PREFIX = '{"ok":true,"object":';
