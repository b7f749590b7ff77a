// The register's choices (PRODUCT.md C2): platforms and statuses. The schema's Platform and
// AccountStatus choices are these, so a platform read from a pasted address is one SharePoint accepts.

export const PLATFORMS = [
  'Facebook', 'X', 'Instagram', 'LinkedIn', 'TikTok', 'YouTube', 'Threads', 'Bluesky', 'Mastodon',
  'Nextdoor', 'WhatsApp channel', 'Other'
] as const;

export type Platform = (typeof PLATFORMS)[number];

export function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value);
}

export const ACCOUNT_STATUS = { proposed: 'Proposed', active: 'Active', underReview: 'Under review', closing: 'Closing', closed: 'Closed' } as const;
export const ACCOUNT_STATUSES = Object.values(ACCOUNT_STATUS);
