import type { Session } from '../api/session';
import { useShopTimeZone } from '../board/board-data';
import { browserTimeZone, dateTimeIn } from '../board/format';

/** The zone a screen shows times in (the shop's, else the browser's) and a sentence naming it. */
export function useShopTime(session: Session): { timeZone: string; note: string } {
  const zone = useShopTimeZone(session);
  const timeZone = zone.data ?? browserTimeZone();
  const note = zone.data ? `Times are shop time, ${zone.data}.` : `Times are your browser's time, ${timeZone} (no shop calendar zone is set).`;
  return { timeZone, note };
}

/** A point in time in the given zone, with the zone's short name; a dash when there is none. */
export function Time({ iso, zone }: { iso: string | null | undefined; zone: string }) {
  if (!iso) return <>—</>;
  return <time dateTime={iso}>{dateTimeIn(iso, zone)}</time>;
}
