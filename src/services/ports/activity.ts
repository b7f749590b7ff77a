// The append-only activity log (PRODUCT.md §3). The author of each entry is who did it.

export interface ActivityEntry {
  action: string;
  targetList: string;
  targetId?: number;
  data?: Record<string, unknown>;
}

export interface IActivityLog {
  append(entry: ActivityEntry): Promise<void>;
}
