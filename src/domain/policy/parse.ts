import type { PolicyContent, PolicyItem, PolicyLink, PolicyNames, PolicySection } from './model';
import { escapeHtml } from './placeholders';

// Policy content arrives as JSON from a list item anyone with edit rights could have written by
// hand, so it is checked field by field rather than trusted.

export class PolicyContentError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'PolicyContentError';
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, what: string): string => {
  if (typeof v !== 'string') throw new PolicyContentError(`${what} must be text.`);
  return v;
};

/** The feature tag is kept as written: a name this build does not know simply never shows. */
function withFeature<T extends { feature?: string }>(part: T, feature: unknown, what: string): T {
  return feature === undefined || feature === null ? part : { ...part, feature: str(feature, what) };
}

function items(v: unknown, what: string): PolicyItem[] {
  if (!Array.isArray(v)) throw new PolicyContentError(`${what} must be a list.`);
  return v.map((x, i) => {
    if (!isObj(x)) throw new PolicyContentError(`${what} item ${i + 1} is not an item.`);
    const item: PolicyItem = { id: str(x.id, `${what} item ${i + 1} id`), title: str(x.title, `${what} item ${i + 1} title`), detail: str(x.detail ?? '', `${what} item ${i + 1} detail`) };
    return withFeature(item, x.feature, `${what} item ${i + 1} feature`);
  });
}

function sections(v: unknown): PolicySection[] {
  if (!Array.isArray(v)) throw new PolicyContentError('Sections must be a list.');
  return v.map((x, i) => {
    if (!isObj(x)) throw new PolicyContentError(`Section ${i + 1} is not a section.`);
    // Early drafts stored plain paragraphs; they become escaped HTML paragraphs.
    const body = Array.isArray(x.paragraphs)
      ? x.paragraphs.map((p, j) => `<p>${escapeHtml(str(p, `Section ${i + 1} paragraph ${j + 1}`))}</p>`).join('')
      : str(x.body, `Section ${i + 1} text`);
    const section: PolicySection = { id: str(x.id, `Section ${i + 1} id`), heading: str(x.heading, `Section ${i + 1} heading`), body };
    return withFeature(section, x.feature, `Section ${i + 1} feature`);
  });
}

function names(v: unknown): Partial<PolicyNames> | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObj(v)) throw new PolicyContentError('Names must be an object.');
  const out: Partial<PolicyNames> = {};
  if (v.organisation !== undefined) out.organisation = str(v.organisation, 'Organisation name');
  if (v.commsHead !== undefined) out.commsHead = str(v.commsHead, 'Head of communications');
  return out;
}

function links(v: unknown): PolicyLink[] {
  if (!Array.isArray(v)) throw new PolicyContentError('Links must be a list.');
  return v.map((x, i) => {
    if (!isObj(x)) throw new PolicyContentError(`Link ${i + 1} is not a link.`);
    return { title: str(x.title, `Link ${i + 1} title`), url: str(x.url, `Link ${i + 1} address`) };
  });
}

export function parsePolicyContent(json: string): PolicyContent {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new PolicyContentError('The stored policy is not readable (invalid JSON).');
  }
  if (!isObj(raw)) throw new PolicyContentError('The stored policy is not readable.');
  const content: PolicyContent = { sections: sections(raw.sections), dos: items(raw.dos, 'Do'), donts: items(raw.donts, "Don't"), links: links(raw.links ?? []) };
  const n = names(raw.names);
  return n ? { names: n, ...content } : content;
}

/** Only http(s) and mailto links are shown as links; anything else (javascript:, data:) is not. */
export function safeLinkUrl(url: string): string | undefined {
  try {
    const u = new URL(url.trim());
    return ['https:', 'http:', 'mailto:'].includes(u.protocol) ? u.href : undefined;
  } catch {
    return undefined;
  }
}
