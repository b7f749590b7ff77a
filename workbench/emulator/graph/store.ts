// What the Graph emulator keeps across restarts: delivered activity notifications (the simulated
// Teams activity feed) and channel messages. Kept in the emulator's persistent state bag so the feed
// a person saw before `npm start` was restarted is still there afterwards.
import type { PersistentState } from '../types';

export interface FeedNotification {
  id: string;
  recipientId: string;
  recipientUpn: string;
  senderId: string;
  senderUpn: string;
  senderName: string;
  activityType: string;
  /** The manifest's templateText with {actor} and the template parameters filled in. */
  text: string;
  previewText: string;
  topic: { source: string; value: string; webUrl?: string };
  /** Where clicking the feed item goes: the topic's deep link. */
  webUrl: string;
  templateParameters: Record<string, string>;
  teamsAppId?: string;
  chainId?: number;
  /** Which endpoint delivered it; tests use it to tell bulk from per-user delivery. */
  via: 'user' | 'bulk';
  time: string;
  read: boolean;
}

/** A bulk recipient the emulator could not deliver to (the bulk call is fire-and-forget: still 202). */
export interface DroppedRecipient {
  userId: string;
  reason: string;
  activityType: string;
  time: string;
}

export interface StoredChannelMessage {
  teamId: string;
  channelId: string;
  message: Record<string, unknown>;
}

export interface GraphStoreData {
  notifications: FeedNotification[];
  dropped: DroppedRecipient[];
  channelMessages: StoredChannelMessage[];
  seq: number;
}

// Enough history for a long demo without letting the state file grow without bound.
const MAX_KEPT = 5000;

export class GraphStore {
  constructor(private readonly state: PersistentState) {}

  private get data(): GraphStoreData {
    const data = this.state.get<GraphStoreData>('graph', () => ({ notifications: [], dropped: [], channelMessages: [], seq: 0 }));
    // State written by an older emulator may lack newer arrays.
    data.notifications ??= [];
    data.dropped ??= [];
    data.channelMessages ??= [];
    data.seq ??= 0;
    return data;
  }

  nextSeq(): number {
    const data = this.data;
    data.seq += 1;
    this.state.markDirty();
    return data.seq;
  }

  addNotification(n: FeedNotification): void {
    const list = this.data.notifications;
    list.push(n);
    if (list.length > MAX_KEPT) list.splice(0, list.length - MAX_KEPT);
    this.state.markDirty();
  }

  addDropped(d: DroppedRecipient): void {
    const list = this.data.dropped;
    list.push(d);
    if (list.length > MAX_KEPT) list.splice(0, list.length - MAX_KEPT);
    this.state.markDirty();
  }

  addChannelMessage(m: StoredChannelMessage): void {
    const list = this.data.channelMessages;
    list.push(m);
    if (list.length > MAX_KEPT) list.splice(0, list.length - MAX_KEPT);
    this.state.markDirty();
  }

  notifications(): readonly FeedNotification[] {
    return this.data.notifications;
  }

  dropped(): readonly DroppedRecipient[] {
    return this.data.dropped;
  }

  channelMessages(teamId?: string, channelId?: string): readonly StoredChannelMessage[] {
    return this.data.channelMessages.filter((m) => (!teamId || m.teamId === teamId) && (!channelId || m.channelId === channelId));
  }

  markRead(id: string): boolean {
    const n = this.data.notifications.find((x) => x.id === id);
    if (!n) return false;
    n.read = true;
    this.state.markDirty();
    return true;
  }

  clear(): void {
    const data = this.data;
    data.notifications = [];
    data.dropped = [];
    data.channelMessages = [];
    this.state.markDirty();
  }
}
