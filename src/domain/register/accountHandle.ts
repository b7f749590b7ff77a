import type { Platform } from './choices';

// People write an account in many ways: "@name", "name", "https://x.com/name", "twitter.com/name/",
// "facebook.com/pages/Some-Name/123", "youtube.com/@name?si=…". The register finds an account by one
// canonical key per handle (lower case, no "@", no address around it), stored beside the handle when
// comms save it (HandleKey), so "is this account ours?" is one exact lookup on an indexed column.
// The platform is known only when the address says it; a bare "@name" matches that key on any platform.

/** What was read from the text: the platform when the address named one, and the handle's key. */
export interface AccountHandle {
  /** Undefined for a bare handle ("@name"): it could be on any platform. */
  platform?: Platform;
  /** The canonical key: lower case, without "@", e.g. "northshirelibraries", "in/jane-doe", "user@mastodon.social". */
  key: string;
  /** How to show it: "@northshirelibraries", or the page id of a Facebook page address. */
  display: string;
}

export type HandleProblem = 'empty' | 'tooLong' | 'notAnAccount' | 'unknownSite' | 'badCharacters' | 'badAddress' | 'looksLikeName';

export type HandleResult = ({ ok: true } & AccountHandle) | { ok: false; problem: HandleProblem; message: string };

/** The longest text looked at: longer than any profile address, short enough to keep a filter small. */
export const MAX_HANDLE_INPUT = 500;
/** The longest key: the register's Text field holds 255; no platform allows handles near it. */
export const MAX_HANDLE_KEY = 100;

// Letters, digits, dot, underscore and hyphen cover handles on every platform the register knows
// (X: letters, digits, underscore; Instagram adds dots; LinkedIn and YouTube hyphens).
const HANDLE_CHARS = /^[a-z0-9._-]+$/;

const MESSAGES: Record<HandleProblem, string> = {
  empty: 'Paste an account\'s address or type its handle, such as @northshirelibraries.',
  tooLong: `That is longer than any account's address (${MAX_HANDLE_INPUT} characters at most).`,
  notAnAccount: 'That address is not an account\'s profile (it looks like a post, a search, a group or a page of the site). Paste the address of the account\'s profile, or its handle.',
  unknownSite: 'That address is not on a platform the register knows. Paste the account\'s profile address, or its handle such as @name.',
  badCharacters: 'A handle has only letters, digits, dots, underscores and hyphens, such as @northshire_libraries.',
  badAddress: 'That does not read as a web address or a handle. Paste the account\'s profile address, or its handle such as @name.',
  looksLikeName: 'That looks like a name rather than a handle (handles have no spaces). Paste the account\'s address or handle, or search the register by name.'
};

const refuse = (problem: HandleProblem): HandleResult => ({ ok: false, problem, message: MESSAGES[problem] });

/** Host (without www., m., mobile.) → platform. Country sites of LinkedIn are handled below. */
const HOSTS: Record<string, Platform> = {
  'facebook.com': 'Facebook', 'fb.com': 'Facebook', 'fb.me': 'Facebook',
  'x.com': 'X', 'twitter.com': 'X',
  'instagram.com': 'Instagram', 'instagr.am': 'Instagram',
  'linkedin.com': 'LinkedIn',
  'youtube.com': 'YouTube',
  'tiktok.com': 'TikTok',
  'threads.net': 'Threads', 'threads.com': 'Threads',
  'bsky.app': 'Bluesky',
  'nextdoor.com': 'Nextdoor', 'nextdoor.co.uk': 'Nextdoor',
  'whatsapp.com': 'WhatsApp channel'
};

/**
 * First path parts that are a site's own pages rather than an account, per platform: "x.com/home"
 * is not an account called "home". Exported so tests generate handles that can be accounts.
 */
export const RESERVED: Partial<Record<Platform, readonly string[]>> = {
  Facebook: ['groups', 'events', 'watch', 'photo', 'photo.php', 'photos', 'share', 'sharer', 'sharer.php', 'login', 'login.php', 'home.php', 'permalink.php', 'story.php', 'marketplace', 'gaming', 'help', 'search', 'hashtag', 'settings', 'notifications', 'messages', 'friends', 'reel', 'reels', 'stories', 'policies', 'privacy', 'ads', 'business', 'pages', 'pg', 'people', 'profile.php'],
  X: ['home', 'explore', 'search', 'i', 'intent', 'hashtag', 'settings', 'notifications', 'messages', 'share', 'login', 'signup', 'tos', 'privacy', 'compose', 'logout'],
  Instagram: ['p', 'reel', 'reels', 'tv', 'explore', 'accounts', 'direct', 'stories', 'about', 'legal', 'developer'],
  LinkedIn: [],
  YouTube: ['watch', 'shorts', 'playlist', 'results', 'feed', 'embed', 'live', 'channel', 'c', 'user', 'hashtag', 'account', 'premium'],
  TikTok: [],
  Threads: [],
  Bluesky: [],
  Nextdoor: [],
  'WhatsApp channel': []
};

const reserved = (platform: Platform, part: string): boolean => (RESERVED[platform] ?? []).includes(part);

/** A key from one handle-like part: "@" and case dropped; refused unless it is a plain handle. */
function keyOf(part: string | undefined, platform?: Platform): HandleResult {
  if (part === undefined || part === '') return refuse('notAnAccount');
  const key = part.replace(/^@/, '').toLowerCase();
  if (key === '') return refuse('empty');
  if (key.length > MAX_HANDLE_KEY) return refuse('tooLong');
  // At least one letter or digit: "." or "-" alone is no handle (and a path of dots means "up" in an address).
  if (!HANDLE_CHARS.test(key) || !/[a-z0-9]/.test(key)) return refuse('badCharacters');
  return { ok: true, platform, key, display: `@${key}` };
}

/** A key made of a fixed prefix and a handle ("in/jane-doe"), so a person and a company page never share one. */
function prefixed(prefix: string, part: string | undefined, platform: Platform): HandleResult {
  const r = keyOf(part, platform);
  return r.ok ? { ...r, key: `${prefix}/${r.key}`, display: `${prefix}/${r.key}` } : r;
}

/** Page ids are digits: "facebook.com/pages/Some-Name/123456" is the page 123456, whatever the name says. */
function pageId(id: string | null | undefined, platform: Platform): HandleResult {
  if (!id || !/^\d{1,30}$/.test(id)) return refuse('notAnAccount');
  return { ok: true, platform, key: id, display: id };
}

function fromPath(platform: Platform, parts: string[], query: URLSearchParams): HandleResult {
  const [first, second] = parts;
  const lower = first?.toLowerCase();
  switch (platform) {
    case 'Facebook':
      if (lower === 'profile.php') return pageId(query.get('id'), platform);
      // The id is the last part, on its own or glued to the name ("Northshire-Libraries-123456789").
      if (lower === 'pages' || lower === 'people') return pageId(/(?:^|-)(\d{1,30})$/.exec(parts[parts.length - 1] ?? '')?.[1], platform);
      if (lower === 'pg') return keyOf(second, platform);
      break;
    case 'Instagram':
      if (lower === 'stories') return second ? keyOf(second, platform) : refuse('notAnAccount');
      break;
    case 'LinkedIn':
      if (lower === 'company' || lower === 'showcase' || lower === 'school') return keyOf(second, platform);
      if (lower === 'in') return prefixed('in', second, platform);
      return refuse('notAnAccount');
    case 'YouTube':
      if (lower === 'c' || lower === 'user') return keyOf(second, platform);
      if (lower === 'channel') return prefixed('channel', second, platform);
      break;
    case 'TikTok':
    case 'Threads':
      // Profiles are "/@name"; anything else is a video, a post or a page of the site.
      return first?.startsWith('@') ? keyOf(first, platform) : refuse('notAnAccount');
    case 'Bluesky':
      return lower === 'profile' ? keyOf(second, platform) : refuse('notAnAccount');
    case 'Nextdoor':
      return lower === 'pages' ? keyOf(second, platform) : refuse('notAnAccount');
    case 'WhatsApp channel':
      return lower === 'channel' ? prefixed('channel', second, platform) : refuse('notAnAccount');
    default:
      break;
  }
  if (lower === undefined) return refuse('notAnAccount');
  if (reserved(platform, lower)) return refuse('notAnAccount');
  return keyOf(first, platform);
}

function mastodon(user: string | undefined, host: string): HandleResult {
  const u = keyOf(user, 'Mastodon');
  if (!u.ok) return u;
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) return refuse('badAddress');
  return { ok: true, platform: 'Mastodon', key: `${u.key}@${host}`, display: `@${u.key}@${host}` };
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
// A bare host such as "twitter.com/name" or "www.instagram.com": a dot-separated name, then a path or nothing.
const HOST_FIRST = /^[a-z0-9-]+(\.[a-z0-9-]+)+(?=[/?#]|$)/i;

function parseAddress(text: string): HandleResult {
  let url: URL;
  try {
    url = new URL(SCHEME.test(text) ? text : `https://${text}`);
  } catch {
    return refuse('badAddress');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refuse('badAddress');
  if (url.username || url.password || url.port) return refuse('badAddress');
  const host = url.hostname.toLowerCase().replace(/^(www|m|mobile|web)\./, '');
  // LinkedIn's country sites (uk.linkedin.com) hold the same profiles.
  const platform = HOSTS[host] ?? (/^[a-z]{2}\.linkedin\.com$/.test(host) ? 'LinkedIn' : undefined);
  let parts: string[];
  try {
    parts = url.pathname.split('/').filter((p) => p !== '').map((p) => decodeURIComponent(p));
  } catch {
    return refuse('badAddress');
  }
  if (!platform) {
    // An address on another server whose path is "/@name" is a Mastodon (fediverse) profile:
    // "https://mastodon.social/@name" is "name@mastodon.social", as handles there are per server.
    if (parts.length >= 1 && parts[0].startsWith('@') && !parts[0].slice(1).includes('@')) return mastodon(parts[0].slice(1), host);
    return refuse('unknownSite');
  }
  return fromPath(platform, parts, url.searchParams);
}

/**
 * Reads any common way of writing an account. Never throws: anything it cannot read is refused
 * with a message that says what to paste instead.
 */
export function normaliseHandle(input: unknown): HandleResult {
  if (typeof input !== 'string') return refuse('empty');
  const text = input.trim();
  if (text === '') return refuse('empty');
  if (text.length > MAX_HANDLE_INPUT) return refuse('tooLong');
  // "@name@server" is how Mastodon handles are written (without the first "@" it reads as an e-mail address).
  const fedi = /^@([^@\s/]+)@([^@\s/]+)$/.exec(text);
  if (fedi) return mastodon(fedi[1], fedi[2].toLowerCase());
  if (SCHEME.test(text) || text.includes('/') || (HOST_FIRST.test(text) && HOSTS[text.toLowerCase().replace(/^(www|m|mobile|web)\./, '').split(/[/?#]/)[0]] !== undefined)) {
    return parseAddress(text);
  }
  if (/\s/.test(text)) return refuse('looksLikeName');
  return keyOf(text);
}

/** The key to store beside a handle comms save, or undefined when the handle cannot be read. */
export function handleKeyOf(handle: string, platform?: string): string | undefined {
  const r = normaliseHandle(handle);
  if (!r.ok) return undefined;
  if (platform && r.platform && r.platform !== platform) return undefined;
  return r.key;
}

/**
 * Do two readings denote the same account? Same key, and the same platform where both say one: a
 * bare "@name" is the same as "x.com/name" but "x.com/name" is not "instagram.com/name".
 */
export function sameAccount(a: Pick<AccountHandle, 'platform' | 'key'>, b: Pick<AccountHandle, 'platform' | 'key'>): boolean {
  return a.key === b.key && (!a.platform || !b.platform || a.platform === b.platform);
}
