import type { PolicyPlaceholders } from './model';

const FALLBACK: PolicyPlaceholders = { organisation: 'our organisation', commsHead: 'the head of communications' };

/** Replaces {organisation} and {commsHead}; unknown braces are left as written. */
export function fillPlaceholders(text: string, values: Partial<PolicyPlaceholders>): string {
  return text.replace(/\{(organisation|commsHead)\}/g, (_, key: keyof PolicyPlaceholders) => {
    const value = values[key]?.trim();
    return value ? value : FALLBACK[key];
  });
}
