import type { HoldingPeriod } from '../../domain/trust';

// The part of the account register the policy features need: who owns and backs up which account.

export interface AccountPerson {
  userId: number;
  name: string;
  email: string;
  /** Sign-in name (UPN), which Graph addresses people by; e-mail can differ from it. */
  login: string;
}

export interface AccountStaffing {
  accountId: number;
  accountName: string;
  status: string;
  owner?: AccountPerson;
  backup?: AccountPerson;
}

export interface IAccountsRepository {
  /** Accounts that are not closed, with their owner and backup. */
  staffedAccounts(): Promise<AccountStaffing[]>;
}

/** Who held which account when (owner and backup), for the trust rules of reports and credentials. */
export interface IRegisterTimeline {
  registerTimeline(): Promise<HoldingPeriod[]>;
}
