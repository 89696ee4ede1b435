/** The "Load more" button of a cursor-paged list, or a note that everything is shown. */
export function LoadMore(props: { hasMore: boolean; loading: boolean; onMore: () => void; shown: number; noun: string }) {
  const { hasMore, loading, onMore, shown, noun } = props;
  if (!hasMore) return <p className="list-end">{shown === 0 ? '' : `All ${noun} shown.`}</p>;
  return (
    <button type="button" className="load-more" onClick={onMore} disabled={loading} aria-busy={loading}>
      {loading ? 'Loading…' : 'Load more'}
    </button>
  );
}
