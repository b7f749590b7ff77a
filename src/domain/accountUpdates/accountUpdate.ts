import { registerStaffedHoursJson, staffedHours, type StaffedHoursInput } from '../requests';

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

// Characters that would make a stored text differ from what was typed or break a line-based export.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function textProblem(value: string, limit: number, what: string, required: boolean): string | undefined {
  if (required && !value.trim()) return `Say ${what}.`;
  if (value.length > limit) return `Keep this to ${limit.toLocaleString('en-GB')} characters; it has ${value.length.toLocaleString('en-GB')}.`;
  if (CONTROL.test(value)) return 'Remove the invisible control characters (they often come with text pasted from other programs).';
  if (LONE_SURROGATE.test(value)) return 'Part of an emoji or symbol is missing; type it again.';
  return undefined;
}

export function validateAccountUpdate(input: AccountUpdateInput): { ok: true; value: AccountUpdate } | { ok: false; problems: AccountUpdateProblems } {
  const problems: AccountUpdateProblems = {};
  const rota = textProblem(input.rota, ACCOUNT_UPDATE_LIMITS.rota, 'who looks after the account when, and who covers leave', true);
  if (rota) problems.rota = rota;
  const hours = staffedHours(input.staffedHours, 'staffedHours');
  if (hours.problems.length) problems.staffedHours = hours.problems[0].message;
  const plan = textProblem(input.contentPlan, ACCOUNT_UPDATE_LIMITS.contentPlan, 'what you post and how often', true);
  if (plan) problems.contentPlan = plan;
  const target = input.responseTargetHours.trim();
  if (!/^\d{1,3}$/.test(target) || Number(target) < 1 || Number(target) > 168) problems.responseTargetHours = 'Enter whole hours between 1 and 168 (a week): how soon people get an answer.';
  if (Object.keys(problems).length) return { ok: false, problems };
  return { ok: true, value: { rota: input.rota, staffedHours: registerStaffedHoursJson(hours.value!), profileStatesHours: input.staffedHours.profileWillSaySo, responseTargetHours: Number(target), contentPlan: input.contentPlan } };
}
