import type { AccountPerson } from './accounts';

// Reading the account register (PRODUCT.md C2): everyone reads it; only comms write it, elsewhere.

/** The columns the register can be sorted by: every one indexed on SMH Accounts. */
export type RegisterSort = 'name' | 'handle' | 'platform' | 'status' | 'service';

export interface RegisterFilters {
  platform?: string;
  status?: string;
  /** Accounts whose owning service starts with this (case does not matter). */
  service?: string;
  /** Accounts this person (hub user id) owns. */
  ownerId?: number;
  /** Name, handle or address, as someone typed or pasted it. */
  search?: string;
}

/** Where the previous page ended: the sort column's value and the Id of its last row. */
export interface RegisterCursor {
  value: string | null;
  id: number;
}

export interface RegisterQuery extends RegisterFilters {
  sort: RegisterSort;
  descending?: boolean;
  pageSize: number;
  after?: RegisterCursor;
}

export interface RegisterRow {
  id: number;
  name: string;
  platform: string;
  handle: string;
  /** The stored canonical key (HandleKey); missing on entries saved before keys existed. */
  handleKey?: string;
  profileUrl?: string;
  service?: string;
  status: string;
  owner?: AccountPerson;
  backup?: AccountPerson;
}

export interface RegisterPage {
  rows: RegisterRow[];
  /** Set when there are more rows after these. */
  next?: RegisterCursor;
}

export interface AccountDetail extends RegisterRow {
  objectives?: string;
  contentPlan?: string;
  /** As stored (JSON); domain/register/staffedHours reads it. */
  staffedHours?: string;
  profileStatesHours?: boolean;
  responseTargetHours?: number;
  hashtags?: string;
  fromRequestId?: number;
  lastReportMonth?: string;
  created: string;
  modified: string;
}

export interface IRegisterRepository {
  page(query: RegisterQuery): Promise<RegisterPage>;
  /** One account with everything the detail view shows; undefined when there is none with that id. */
  account(id: number): Promise<AccountDetail | undefined>;
  /** Entries whose handle key is this key (or, for entries saved before keys, whose handle is it). */
  withHandleKey(key: string): Promise<RegisterRow[]>;
  /** Every entry with its details, a page at a time (for the export). */
  forEachAccount(onPage: (rows: AccountDetail[]) => void): Promise<void>;
}
