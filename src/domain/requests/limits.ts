// Limits of what a request may say. Each text fits its purpose (a name, a paragraph, a plan), and
// together they keep the Details JSON of the largest request, with every character escaped, well
// inside a SharePoint multi-line text column (63,999 characters:
// https://lookbook365.com/features/multiple-lines-of-text-column-sharepoint/). A test builds that
// worst case and checks it.

export const REQUEST_LIMITS = {
  /** Account names, campaign titles, subjects. */
  nameLength: 120,
  handleLength: 100,
  serviceLength: 120,
  /** Where the audience talks, what happens to followers. */
  shortNoteLength: 1000,
  /** Reasons, audience, objectives, rota, exit plan, how the return is shown. */
  noteLength: 2000,
  /** The content plan, an idea or question. */
  longNoteLength: 4000,
  personNameLength: 255,
  emailLength: 254,
  /** The register's EvidenceUrl is a single line of text (255). */
  urlLength: 255,
  /** A week has 168 hours. */
  maxHoursPerWeek: 168,
  /** £1,000,000: a larger budget is a typing slip. */
  maxBudgetPence: 100_000_000,
  /** £100,000,000. */
  maxReturnPence: 10_000_000_000,
  /** Two slots a day for a week. */
  maxSlots: 14,
  /** A public check older than this may be out of date. */
  hashtagCheckMaxAgeDays: 90,
  /** A campaign starting later than this is a typing slip (and would be decided long before it). */
  campaignStartWithinDays: 730,
  /** The Details JSON as stored: under SharePoint's 63,999 with room to spare. */
  detailsLength: 60_000,
  /** The Requests list's Title (a single line of text). */
  titleLength: 255
} as const;
