import { validateHashtag } from '../hashtags/validate';
import { REQUEST_LIMITS as L } from './limits';
import { count, isBlank, storableTextProblem } from './text';
import type { FormProblem, HashtagInput, HashtagProposal, Person, PersonInput, ValidationContext } from './types';

// Checks of one field each: a value when the text is acceptable, else a message that says what is
// wrong and how to put it right. Text values are never trimmed or rewritten: what is accepted is
// exactly what is stored.

export type FieldResult<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const no = (message: string): FieldResult<never> => ({ ok: false, message });

/** A text the person must write. `missing` says what to write. */
export function requiredText(value: string, max: number, multiLine: boolean, missing: string): FieldResult<string> {
  if (isBlank(value)) return no(missing);
  const problem = storableTextProblem(value, { max, multiLine });
  return problem ? no(problem) : ok(value);
}

/** A text that may be left empty. */
export function optionalText(value: string, max: number, multiLine: boolean): FieldResult<string> {
  const problem = storableTextProblem(value, { max, multiLine });
  return problem ? no(problem) : ok(value);
}

/** One of a fixed set of choices, exactly as the schema spells it. */
export function choiceOf<T extends string>(value: string, choices: readonly T[], missing: string, wrong: string): FieldResult<T> {
  if (isBlank(value)) return no(missing);
  return (choices as readonly string[]).includes(value) ? ok(value as T) : no(wrong);
}

const HOURS = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*$/;

/** Hours a week, e.g. "6" or "7.5" (at most two decimal places). */
export function hoursPerWeek(value: string): FieldResult<number> {
  if (isBlank(value)) return no('Say how many hours a week the account will take, everyone\'s time together, for example 6 or 7.5.');
  const m = HOURS.exec(value);
  if (!m) return no('Write the hours as a number, like 6 or 7.5 (no words or units).');
  const hours = Number(`${m[1]}.${m[2] ?? '0'}`);
  if (hours === 0) return no('An account always takes some time: give the hours a week it will take, even if it is small, like 0.5.');
  if (hours > L.maxHoursPerWeek) return no(`A week has ${L.maxHoursPerWeek} hours. Give the hours a week this account will take.`);
  return ok(hours);
}

// Pounds with an optional £, thousands separated by commas or not, and pence after a point.
const MONEY = /^\s*£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{2}))?\s*$/;

/** An amount in pounds ("£1,250.50", "1250") as whole pence. */
export function moneyPence(value: string, what: string, max: number): FieldResult<number> {
  if (isBlank(value)) return no(`Give the ${what} in pounds, for example 1500 or £1,500.50.`);
  const m = MONEY.exec(value);
  if (!m) return no(`Write the ${what} in pounds as a number, like 1500 or £1,500.50 (pence need two digits after the point).`);
  const pounds = m[1].replace(/,/g, '');
  if (pounds.length > 12) return no(`The ${what} is more than the most this form takes (£${count(max / 100)}).`);
  const pence = Number(pounds) * 100 + Number(m[2] ?? '0');
  if (pence === 0) return no(`The ${what} cannot be nothing: give an amount in pounds.`);
  if (pence > max) return no(`The ${what} is more than the most this form takes (£${count(max / 100)}). Check the number; for more, talk to comms first.`);
  return ok(pence);
}

/** "1250.50" for 125050 pence: what the form shows when a request is revised. */
export const penceToText = (pence: number): string => `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a valid YYYY-MM-DD, else undefined. */
export function dayNumber(value: string): number | undefined {
  const m = DATE.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return t / 86_400_000;
}

/** The date in the person's own time zone (YYYY-MM-DD), for ValidationContext.today. */
export function localDate(d: Date): string {
  return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A calendar date as the date picker gives it (YYYY-MM-DD). */
export function calendarDate(value: string, what: string): FieldResult<string> {
  if (isBlank(value)) return no(`Give the ${what}.`);
  if (dayNumber(value) === undefined) return no(`The ${what} is not a date the form understands. Pick it from the calendar, or write it as 2026-03-31.`);
  return ok(value);
}

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

export function emailAddress(value: string): FieldResult<string> {
  if (isBlank(value)) return no('Give their work e-mail address (pick them from the people search).');
  if (/\s/.test(value)) return no('Remove the spaces from the e-mail address.');
  const problem = storableTextProblem(value, { max: L.emailLength, multiLine: false });
  if (problem) return no(problem);
  if (!EMAIL.test(value)) return no('This is not an e-mail address. It should look like name@example.org; pick the person from the people search.');
  return ok(value);
}

/** A web address (the evidence of a public check). */
export function webAddress(value: string): FieldResult<string> {
  if (isBlank(value)) return no('Paste the link to what you checked (the search results page, or a screenshot in SharePoint or OneDrive).');
  if (/\s/.test(value)) return no('Remove the spaces from the link: paste it again, or type %20 for a space inside it.');
  const problem = storableTextProblem(value, { max: L.urlLength, multiLine: false });
  if (problem) return no(problem);
  let url: URL;
  try { url = new URL(value); } catch { return no('This is not a full web address. It should start with https://'); }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return no('Use a web address that starts with https://');
  if (!url.hostname) return no('This web address has no site name after https://');
  return ok(value);
}

/** A register item id, as the form's account picker gives it. */
export function registerId(value: string, missing: string): FieldResult<number> {
  if (isBlank(value)) return no(missing);
  if (!/^[1-9]\d{0,9}$/.test(value) || Number(value) > 2_147_483_647) return no('Pick the account from the list again: this is not one of the register\'s accounts.');
  return ok(Number(value));
}

/** A person as the people picker gives them: a name and a work e-mail address. */
export function person(input: PersonInput, path: string, role: string): { value?: Person; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const name = requiredText(input.name, L.personNameLength, false, `Choose the ${role} with the people search.`);
  if (!name.ok) problems.push({ path: `${path}.name`, message: name.message });
  const email = emailAddress(input.email);
  if (!email.ok) problems.push({ path: `${path}.email`, message: email.message });
  return { value: name.ok && email.ok ? { name: name.value, email: email.value } : undefined, problems };
}

// When the account is watched: one check for every form that asks it (src/domain/hours).
export { staffedHours } from '../hours/weeklyHours';

/**
 * A proposed hashtag with the requester's public check, or null when none is proposed. Whether it is
 * clean against the register is asked separately (the register is not the form's to know).
 */
export function hashtagProposal(input: HashtagInput, path: string, ctx: ValidationContext): { value?: HashtagProposal | null; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const add = (p: string, message: string): void => { problems.push({ path: `${path}.${p}`, message }); };
  if (input.tag === '') {
    if (input.checkedOn !== '' || input.evidenceUrl !== '') add('tag', 'Give the hashtag you checked, or clear the date and link of the check.');
    return { value: problems.length ? undefined : null, problems };
  }
  const tag = validateHashtag(input.tag);
  if (!tag.ok) add('tag', tag.message);
  const checked = calendarDate(input.checkedOn, 'date you checked the hashtag in public (search each platform for it)');
  const today = dayNumber(ctx.today);
  if (!checked.ok) add('checkedOn', checked.message);
  else if (today !== undefined) {
    const day = dayNumber(checked.value)!;
    if (day > today) add('checkedOn', 'The check cannot be in the future: give the date you searched for the hashtag.');
    else if (today - day > L.hashtagCheckMaxAgeDays) add('checkedOn', `This check is more than ${L.hashtagCheckMaxAgeDays} days old. Search for the hashtag again and give today's date.`);
  }
  const evidence = webAddress(input.evidenceUrl);
  if (!evidence.ok) add('evidenceUrl', evidence.message);
  if (problems.length || !tag.ok || !checked.ok || !evidence.ok) return { problems };
  return { value: { tag: tag.tag, checkedOn: checked.value, evidenceUrl: evidence.value }, problems };
}
