import type { PolicyContent } from './model';

// The policy must promise only what the hub does today. Sentences about features still to come
// (asking for an account through the hub, the password vault, the hashtag check, monthly reports,
// emergency roles) are written now, as items or sections tagged with the feature they need, and
// stay out of sight until that feature ships: its commit switches it on below, and every policy
// already published starts showing those parts without anyone re-editing it.

export const HUB_FEATURES = ['requests', 'register', 'reports', 'vault', 'hashtags', 'emergencyRoles'] as const;
export type HubFeature = (typeof HUB_FEATURES)[number];
export type FeatureSwitches = Partial<Record<HubFeature, boolean>>;

/** What this build of the hub does. Every switch is off until its feature ships. */
export const FEATURES_IN_THIS_BUILD: FeatureSwitches = { requests: true, register: true, hashtags: true, vault: true, emergencyRoles: true };

export function isHubFeature(name: string): name is HubFeature {
  return (HUB_FEATURES as readonly string[]).includes(name);
}

/** A part tagged with a feature shows only once that feature is on; an unknown tag never shows. */
export function isShown(part: { feature?: string }, on: FeatureSwitches = FEATURES_IN_THIS_BUILD): boolean {
  return part.feature === undefined || (isHubFeature(part.feature) && on[part.feature] === true);
}

/** The policy as staff read it with these features: tagged parts whose feature is off are left out. */
export function visibleContent(content: PolicyContent, on: FeatureSwitches = FEATURES_IN_THIS_BUILD): PolicyContent {
  const shown = <T extends { feature?: string }>(parts: T[]): T[] => parts.filter((p) => isShown(p, on));
  return { ...content, sections: shown(content.sections), dos: shown(content.dos), donts: shown(content.donts) };
}
