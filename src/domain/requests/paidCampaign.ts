import { Collector } from './collect';
import { calendarDate, choiceOf, dayNumber, hashtagProposal, moneyPence, penceToText, registerId, requiredText } from './fields';
import { emptyHashtag } from './newAccount';
import { REQUEST_LIMITS as L } from './limits';
import { isBlank } from './text';
import { CAMPAIGN_PURPOSES, PLATFORMS, type HashtagProposal, type PaidCampaignDetails, type PaidCampaignInput, type Validated, type ValidationContext } from './types';

// Paid promotion (the policy): only for a campaign, an event or recruitment, with a financial return
// that can be shown, and after talking to comms.

export function emptyPaidCampaign(): PaidCampaignInput {
  return { kind: 'Paid campaign', title: '', purpose: '', description: '', platform: '', accountId: '', budget: '', startDate: '', endDate: '', expectedReturn: '', howReturnIsShown: '', hashtag: emptyHashtag() };
}

export function validatePaidCampaign(input: PaidCampaignInput, ctx: ValidationContext): Validated<PaidCampaignDetails> {
  const c = new Collector();
  const title = c.field('title', requiredText(input.title, L.nameLength, false, 'Give the campaign a short name.'));
  const purpose = c.field('purpose', choiceOf(input.purpose, CAMPAIGN_PURPOSES, 'Choose what the promotion is for: a campaign, an event or recruitment.',
    'Paid promotion is only for a campaign, an event or recruitment. For anything else, send comms an idea or question instead.'));
  const description = c.field('description', requiredText(input.description, L.noteLength, true, 'Describe what you will promote, and to whom.'));
  const platform = c.field('platform', choiceOf(input.platform, PLATFORMS, 'Choose the platform the promotion will run on.', 'Choose the platform from the list.'));
  const accountId = isBlank(input.accountId) ? null : c.field('accountId', registerId(input.accountId, 'Choose the account that will run the promotion.'));
  const budget = c.field('budget', moneyPence(input.budget, 'budget', L.maxBudgetPence));
  const start = c.field('startDate', calendarDate(input.startDate, 'start date'));
  const end = c.field('endDate', calendarDate(input.endDate, 'end date'));
  const today = dayNumber(ctx.today);
  if (start && today !== undefined) {
    const day = dayNumber(start)!;
    if (day < today) c.add('startDate', 'The start date has passed. Choose today or a later date: the promotion needs a decision before it starts.');
    else if (day - today > L.campaignStartWithinDays) c.add('startDate', 'The start date is more than two years away. Check the year.');
  }
  if (start && end && dayNumber(end)! < dayNumber(start)!) c.add('endDate', 'The end date is before the start date. Choose the last day the promotion runs.');
  const expectedReturn = c.field('expectedReturn', moneyPence(input.expectedReturn, 'expected financial return', L.maxReturnPence));
  const howReturnIsShown = c.field('howReturnIsShown', requiredText(input.howReturnIsShown, L.noteLength, true, 'Say how the return will be shown afterwards (for example bookings, applications or sales you can count).'));
  const hashtag = c.group<HashtagProposal | null>(hashtagProposal(input.hashtag, 'hashtag', ctx));
  return c.result(() => ({
    kind: 'Paid campaign', title: title!, purpose: purpose!, description: description!, platform: platform!, accountId: accountId ?? null,
    budgetPence: budget!, startDate: start!, endDate: end!, expectedReturnPence: expectedReturn!, howReturnIsShown: howReturnIsShown!, hashtag: hashtag ?? null
  }));
}

export function paidCampaignInputFrom(d: PaidCampaignDetails): PaidCampaignInput {
  return {
    kind: 'Paid campaign', title: d.title, purpose: d.purpose, description: d.description, platform: d.platform,
    accountId: d.accountId === null ? '' : String(d.accountId), budget: penceToText(d.budgetPence), startDate: d.startDate, endDate: d.endDate,
    expectedReturn: penceToText(d.expectedReturnPence), howReturnIsShown: d.howReturnIsShown, hashtag: d.hashtag ? { ...d.hashtag } : emptyHashtag()
  };
}
