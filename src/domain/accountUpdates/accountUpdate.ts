import { registerStaffedHoursJson, requiredText, staffedHours, type StaffedHoursInput } from '../requests';

// An owner's operational record of an account (PRODUCT.md C2): how the work is shared (rota), when
// someone watches it (staffed hours), whether the profile says so, how fast people get an answer, and
// the content plan. Owners and backups file these; the register itself is comms' record.

export interface AccountUpdateInput {
  rota: string;
  /** When someone watches it, as the request form asks it (its check is reused). */
  staffedHours: StaffedHoursInput;
  /** Hours, as typed. */
  responseTargetHours: string;
  contentPlan: string;
}

export interface AccountUpdate {
  rota: string;
  /** The register's staffed-hours JSON. */
  staffedHours: string;
  profileStatesHours: boolean;
  responseTargetHours: number;
  contentPlan: string;
}

export type AccountUpdateProblems = Partial<Record<keyof AccountUpdateInput, string>>;


export const ACCOUNT_UPDATE_LIMITS = { rota: 4000, contentPlan: 8000 } as const;

export function validateAccountUpdate(input: AccountUpdateInput): { ok: true; value: AccountUpdate } | { ok: false; problems: AccountUpdateProblems } {
  const problems: AccountUpdateProblems = {};
  // The request forms' text rule: stored exactly as typed, or refused with a message.
  const rota = requiredText(input.rota, ACCOUNT_UPDATE_LIMITS.rota, true, 'Say who looks after the account when, and who covers leave.');
  if (!rota.ok) problems.rota = rota.message;
  const hours = staffedHours(input.staffedHours, 'staffedHours');
  if (hours.problems.length) problems.staffedHours = hours.problems[0].message;
  const plan = requiredText(input.contentPlan, ACCOUNT_UPDATE_LIMITS.contentPlan, true, 'Say what you post and how often.');
  if (!plan.ok) problems.contentPlan = plan.message;
  const target = input.responseTargetHours.trim();
  if (!/^\d{1,3}$/.test(target) || Number(target) < 1 || Number(target) > 168) problems.responseTargetHours = 'Enter whole hours between 1 and 168 (a week): how soon people get an answer.';
  if (Object.keys(problems).length) return { ok: false, problems };
  return { ok: true, value: { rota: input.rota, staffedHours: registerStaffedHoursJson(hours.value!), profileStatesHours: input.staffedHours.profileWillSaySo, responseTargetHours: Number(target), contentPlan: input.contentPlan } };
}
