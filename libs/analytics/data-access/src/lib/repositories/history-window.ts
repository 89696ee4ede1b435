/** What a machine-history query asks for: records of one machine overlapping [from, to); either end may be open. */
export interface HistoryWindow {
  machineId: string;
  from: Date | null;
  to: Date | null;
  limit: number;
}
