import type { AccountDraft, AccountValues } from '../../domain/register/accountEdit';

// Comms' writes to the account register (PRODUCT.md C2). SharePoint refuses them to anyone else.

/** An entry as the edit form shows it, with the ETag it was read at (the next save's If-Match). */
export interface EditableAccount {
  id: number;
  etag: string;
  draft: AccountDraft;
  /** The owner's and backup's names as the site knows them, for the people pickers (the draft holds addresses). */
  names?: { owner: string; backup: string };
}

export interface RegisterPeople {
  /** Hub user ids; null leaves the field empty. */
  ownerId: number | null;
  backupId: number | null;
}

export interface IRegisterWriter {
  /** What SharePoint lets the signed-in person do on the register list. */
  permissions(): Promise<{ canEdit: boolean; canAdd: boolean }>;
  editable(id: number): Promise<EditableAccount | undefined>;
  /** The hub user id of a person by work e-mail (added to the site when new); undefined when the directory does not know them. */
  personId(email: string): Promise<number | undefined>;
  /** Saves over the entry only if it is still at `etag`; a later save by someone else fails as a conflict. */
  update(id: number, etag: string, values: AccountValues, people: RegisterPeople): Promise<void>;
  add(values: AccountValues, people: RegisterPeople): Promise<{ id: number }>;
}
