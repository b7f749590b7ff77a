// The append-only activity log (PRODUCT.md §3). The author of each entry is who did it.

export interface ActivityEntry {
  action: string;
  targetList: string;
  targetId?: number;
  data?: Record<string, unknown>;
}

export interface LoggedActivity extends ActivityEntry {
  at: string;
  by?: string;
}

export interface IActivityLog {
  append(entry: ActivityEntry): Promise<void>;
  /** The newest entry of an action about one item (comms read everyone's; others their own). */
  latest(action: string, targetList: string, targetId: number): Promise<LoggedActivity | undefined>;
}
