import { allItems, nextCursor } from './paging';

describe(allItems.name, () => {
  const id = (x: { id: string }) => x.id;

  it('joins the pages in order', () => {
    expect(
      allItems(
        [
          { items: [{ id: 'a' }, { id: 'b' }], next_cursor: 'c1' },
          { items: [{ id: 'c' }], next_cursor: null },
        ],
        id,
      ).map(id),
    ).toEqual(['a', 'b', 'c']);
  });

  it('keeps a row that appears on two pages once, at its first place', () => {
    expect(
      allItems(
        [
          { items: [{ id: 'a' }, { id: 'b' }], next_cursor: 'c1' },
          { items: [{ id: 'b' }, { id: 'c' }], next_cursor: null },
        ],
        id,
      ).map(id),
    ).toEqual(['a', 'b', 'c']);
  });

  it('is empty before the first page', () => {
    expect(allItems(undefined, id)).toEqual([]);
  });
});

describe(nextCursor.name, () => {
  it('says there is no next page when the API gives no cursor', () => {
    expect(nextCursor({ items: [], next_cursor: null })).toBeUndefined();
    expect(nextCursor({ items: [], next_cursor: 'abc' })).toBe('abc');
  });
});
