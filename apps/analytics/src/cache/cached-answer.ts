/**
 * An answer as the analytics cache keeps it: its JSON text, typed by what it holds. The services hand it on as it
 * is and the RPC handler sends the text unparsed, so an answer read from the cache is never parsed and encoded again.
 */
export class CachedAnswer<T> {
  constructor(readonly json: string) {}

  static of<T>(value: T): CachedAnswer<T> {
    return new CachedAnswer<T>(JSON.stringify(value));
  }

  parse(): T {
    return JSON.parse(this.json) as T;
  }
}
