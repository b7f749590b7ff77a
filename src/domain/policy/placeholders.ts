import type { PolicyPlaceholders } from './model';

const FALLBACK: PolicyPlaceholders = { organisation: 'our organisation', commsHead: 'the head of communications' };

function value(values: Partial<PolicyPlaceholders>, key: keyof PolicyPlaceholders): string {
  const v = values[key]?.trim();
  return v ? v : FALLBACK[key];
}

/** Replaces {organisation} and {commsHead} in plain text; unknown braces are left as written. */
export function fillPlaceholders(text: string, values: Partial<PolicyPlaceholders>): string {
  return text.replace(/\{(organisation|commsHead)\}/g, (_, key: keyof PolicyPlaceholders) => value(values, key));
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The same for HTML: the names are escaped, so a name can never add markup. */
export function fillPlaceholdersHtml(html: string, values: Partial<PolicyPlaceholders>): string {
  return html.replace(/\{(organisation|commsHead)\}/g, (_, key: keyof PolicyPlaceholders) => escapeHtml(value(values, key)));
}

/** Names for a version: its own, else the hub's settings. */
export function namesFor(content: { names?: Partial<PolicyPlaceholders> }, settings: Partial<PolicyPlaceholders>): PolicyPlaceholders {
  const pick = (k: keyof PolicyPlaceholders): string => (content.names?.[k]?.trim() || settings[k]?.trim() || '');
  return { organisation: pick('organisation'), commsHead: pick('commsHead') };
}
