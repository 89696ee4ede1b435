/** One page of a cursor-paged list of the API. */
export interface CursorPage<T> {
  items: T[];
  next_cursor: string | null;
}

/** Every item of the pages read so far, in order, each once (a row that moved between two reads is kept at its first place). */
export function allItems<T>(pages: readonly CursorPage<T>[] | undefined, key: (item: T) => string): T[] {
  const seen = new Set<string>();
  const items: T[] = [];
  for (const page of pages ?? []) {
    for (const item of page.items) {
      const k = key(item);
      if (seen.has(k)) continue;
      seen.add(k);
      items.push(item);
    }
  }
  return items;
}

/** The cursor of the page after `last`, in the form TanStack Query's infinite queries expect (undefined: no more). */
export function nextCursor(last: CursorPage<unknown>): string | undefined {
  return last.next_cursor ?? undefined;
}
