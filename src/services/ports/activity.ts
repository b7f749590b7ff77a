// The append-only activity log (PRODUCT.md §3). The author of each entry is who did it.
export interface IActivityLog {
  append(entry: { action: string; targetList: string; targetId?: number; data?: Record<string, unknown> }): Promise<void>;
}
