// What a typed text may contain to be stored exactly. Everything a person types goes into the
// request's Details JSON unchanged (no trimming, no rewriting), so anything that cannot travel
// through SharePoint intact is refused here, with a message that says how to fix it, rather than
// silently altered on the way.

/** "2,345": numbers in messages read the way people write them. */
export const count = (n: number): string => n.toLocaleString('en-GB');

// XML 1.0 cannot carry C0 control characters other than tab and line breaks, nor U+FFFE/U+FFFF, and
// SharePoint hands list data out as XML too (CSOM, exports, alerts); a single-line field also keeps
// no tab or line break. Pasting from other programs is how these arrive.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/;
const LINE_BREAK_OR_TAB = /[\t\n\r\u2028\u2029]/;
// Half of a surrogate pair: the page sends text as UTF-8, which cannot encode it, so it would arrive
// as U+FFFD instead of what was typed.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface TextRule {
  /** The most characters (UTF-16 units, as SharePoint counts them). */
  max: number;
  multiLine: boolean;
}

/** Why this text cannot be stored as typed, or undefined when it can. Says nothing about emptiness. */
export function storableTextProblem(value: string, rule: TextRule): string | undefined {
  if (LONE_SURROGATE.test(value)) return 'This contains a broken character (half of an emoji or symbol). Delete it and type it again.';
  if (CONTROL.test(value)) {
    return 'This contains an invisible control character, usually pasted from another program. Retype the text around where you pasted it.';
  }
  if (!rule.multiLine && LINE_BREAK_OR_TAB.test(value)) return 'Keep this to one line: remove the line breaks and tabs.';
  if (value.length > rule.max) {
    return `This is ${count(value.length)} characters long; the most is ${count(rule.max)}. Shorten it by ${count(value.length - rule.max)}.`;
  }
  return undefined;
}

/** Whether there is anything but spaces. */
export const isBlank = (value: string): boolean => value.trim() === '';

/** Cuts text to at most `max` UTF-16 units without splitting a surrogate pair, adding "…" when cut. */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max - 1;
  if (end > 0 && /[\ud800-\udbff]/.test(value[end - 1])) end -= 1;
  return `${value.slice(0, end)}…`;
}
