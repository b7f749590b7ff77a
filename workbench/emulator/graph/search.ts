// `$search` on /users as Microsoft Graph answers it for directory objects.
//
// What Graph does (https://learn.microsoft.com/en-us/graph/search-query-parameter, "Use $search on
// directory object collections", and https://learn.microsoft.com/en-us/graph/aad-advanced-queries):
// - `$search` on directory objects is an advanced query: without `ConsistencyLevel: eventual` Graph
//   answers 400 Request_UnsupportedQuery "Request with $search query parameter only works through
//   MSGraph with a special request header: 'ConsistencyLevel: eventual'" (the error-handling section
//   of aad-advanced-queries).
// - The syntax is `"property:text"` clauses, each wholly inside double quotes (a `"` or `\` inside is
//   escaped with a backslash), joined by `AND`/`OR` written in capitals outside the quotes, with
//   parentheses for precedence. The property must be named.
// - An unquoted value is read as plain search words, and a colon in it is refused:
//   400 "Syntax error: character ':' is not valid at position 11 in 'displayName:room'."
//   (microsoftgraph/msgraph-sdk-javascript#525; the same words in microsoftgraph's own SDK tests).
// - displayName is searched by tokens: words split at spaces, symbols, digits and a change from
//   lower to upper case; words joined only by symbols also make one combined token; tokens match
//   whatever their case and in any order, and a search word matches the start of a token
//   ("displayName:Guthr" finds Guthrie). Other properties fall back to `$filter` startsWith.
// - `$search` and `$filter` together: both must hold.
// Graph's exact words for other malformed expressions (an unclosed quote, a lower-case `or`) are not
// documented; the emulator refuses them with the same 400 "Syntax error" shape rather than guessing a
// match.
import { graphError, type GraphResult } from './results';

type Predicate = (u: Record<string, unknown>) => boolean;

/** The tokens Graph's directory search makes of a text (lower-cased). */
export function searchTokens(text: string): string[] {
  const tokens: string[] = [];
  // Runs of letters or of digits, split again where lower case turns to upper case.
  const parts = text.match(/\p{L}+|\p{N}+/gu) ?? [];
  for (const part of parts) tokens.push(...part.split(/(?<=\p{Ll})(?=\p{Lu})/u).map((t) => t.toLowerCase()));
  // Words joined only by symbols also count as one: "hello.world" is found by "helloworld".
  for (const joined of text.split(/\s+/)) {
    const squashed = joined.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
    if (squashed && !tokens.includes(squashed)) tokens.push(squashed);
  }
  return tokens;
}

/** The plain words of a search text (no combined token: that would be stricter than Graph). */
const searchWords = (text: string): string[] =>
  (text.match(/\p{L}+|\p{N}+/gu) ?? []).flatMap((p) => p.split(/(?<=\p{Ll})(?=\p{Lu})/u)).map((t) => t.toLowerCase());

/** Every word searched for starts one of the value's tokens, in any order. */
function tokenMatch(value: string, wanted: string): boolean {
  const have = searchTokens(value);
  const words = searchWords(wanted);
  return words.length > 0 && words.every((w) => have.some((h) => h.startsWith(w)));
}

const syntaxError = (raw: string, at: number, ch: string): GraphResult =>
  graphError(400, 'BadRequest', `Syntax error: character '${ch}' is not valid at position ${at} in '${raw}'.`);

/**
 * The predicate of a `$search` expression over users, or Graph's refusal. `searchable` holds the
 * string properties a clause may name.
 */
export function parseSearch(raw: string, searchable: ReadonlySet<string>): Predicate | GraphResult {
  let i = 0;
  const skip = (): void => { while (i < raw.length && raw[i] === ' ') i++; };

  const clause = (): Predicate | GraphResult => {
    skip();
    if (raw[i] === '(') {
      i++;
      const inner = expression();
      if (typeof inner !== 'function') return inner;
      skip();
      if (raw[i] !== ')') return syntaxError(raw, i, raw[i] ?? '');
      i++;
      return inner;
    }
    if (raw[i] !== '"') {
      const colon = raw.indexOf(':', i);
      return syntaxError(raw, colon >= 0 ? colon : i, colon >= 0 ? ':' : (raw[i] ?? ''));
    }
    i++;
    let text = '';
    while (i < raw.length && raw[i] !== '"') {
      if (raw[i] === '\\' && i + 1 < raw.length) i++;
      text += raw[i++];
    }
    if (raw[i] !== '"') return syntaxError(raw, i, '"');
    i++;
    const m = /^(\w+):([\s\S]*)$/.exec(text);
    if (!m) return graphError(400, 'Request_UnsupportedQuery', `Invalid search clause '${text}': name the property, as "displayName:text".`);
    const [, prop, wanted] = m;
    if (!searchable.has(prop)) return graphError(400, 'BadRequest', `Could not find a property named '${prop}' on type 'microsoft.graph.user'.`);
    if (prop === 'displayName') return (u) => typeof u.displayName === 'string' && tokenMatch(u.displayName, wanted);
    return (u) => typeof u[prop] === 'string' && wanted !== '' && (u[prop] as string).toLowerCase().startsWith(wanted.toLowerCase());
  };

  const expression = (): Predicate | GraphResult => {
    const first = clause();
    if (typeof first !== 'function') return first;
    let result: Predicate = first;
    for (;;) {
      skip();
      if (i >= raw.length || raw[i] === ')') return result;
      const op = /^(AND|OR)\s/.exec(raw.slice(i));
      if (!op) return syntaxError(raw, i, raw[i]);
      i += op[1].length;
      const next = clause();
      if (typeof next !== 'function') return next;
      const left = result;
      result = op[1] === 'AND' ? (u) => left(u) && next(u) : (u) => left(u) || next(u);
    }
  };

  const whole = expression();
  if (typeof whole !== 'function') return whole;
  skip();
  if (i < raw.length) return syntaxError(raw, i, raw[i]);
  return whole;
}

/** Graph refuses `$search` on directory objects unless the caller asked for eventual consistency. */
export function searchNeedsEventual(headers: Record<string, string>): GraphResult | undefined {
  if (headers.consistencylevel?.toLowerCase() === 'eventual') return undefined;
  return graphError(400, 'Request_UnsupportedQuery', "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
}
