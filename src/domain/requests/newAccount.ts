import { Collector } from './collect';
import { choiceOf, hashtagProposal, hoursPerWeek, optionalText, person, requiredText, staffedHours } from './fields';
import { REQUEST_LIMITS as L } from './limits';
import { PLATFORMS, type HashtagInput, type HashtagProposal, type NewAccountDetails, type NewAccountInput, type PersonInput, type StaffedHours, type StaffedHoursInput, type Validated, type ValidationContext } from './types';

// The new-account business case (PRODUCT.md C3): nothing is opened without it.

export const emptyPerson = (): PersonInput => ({ name: '', email: '' });
export const emptyStaffedHours = (): StaffedHoursInput => ({ allHours: false, slots: [], profileWillSaySo: false });
export const emptyHashtag = (): HashtagInput => ({ tag: '', checkedOn: '', evidenceUrl: '' });

export function emptyNewAccount(): NewAccountInput {
  return {
    kind: 'New account', accountName: '', platform: '', handle: '', owningService: '', whyExistingCannotServe: '', audience: '',
    whereAudienceTalks: '', objectives: '', contentPlan: '', hoursPerWeek: '', owner: emptyPerson(), backup: emptyPerson(), rota: '',
    staffedHours: emptyStaffedHours(), hashtag: emptyHashtag(), exitPlan: ''
  };
}

export function validateNewAccount(input: NewAccountInput, ctx: ValidationContext): Validated<NewAccountDetails> {
  const c = new Collector();
  const accountName = c.field('accountName', requiredText(input.accountName, L.nameLength, false, 'Give the account a name, as people would see it on the platform.'));
  const platform = c.field('platform', choiceOf(input.platform, PLATFORMS, 'Choose the platform.', 'Choose the platform from the list; if it is not there, choose Other and name it in the account name.'));
  const handle = c.field('handle', optionalText(input.handle, L.handleLength, false));
  const owningService = c.field('owningService', requiredText(input.owningService, L.serviceLength, false, 'Name the service or team that will run the account.'));
  const whyExistingCannotServe = c.field('whyExistingCannotServe', requiredText(input.whyExistingCannotServe, L.noteLength, true, 'Say why the organisation\'s existing accounts cannot reach these people: comms prefer to use what already has followers.'));
  const audience = c.field('audience', requiredText(input.audience, L.noteLength, true, 'Say who the account is for.'));
  const whereAudienceTalks = c.field('whereAudienceTalks', requiredText(input.whereAudienceTalks, L.shortNoteLength, true, 'Say where these people already talk online (groups, pages, hashtags, other accounts).'));
  const objectives = c.field('objectives', requiredText(input.objectives, L.noteLength, true, 'Say what the account should achieve, ideally in a way you can measure.'));
  const contentPlan = c.field('contentPlan', requiredText(input.contentPlan, L.longNoteLength, true, 'Describe what you will post and how often.'));
  const hours = c.field('hoursPerWeek', hoursPerWeek(input.hoursPerWeek));
  const owner = c.group(person(input.owner, 'owner', 'owner'));
  const backup = c.group(person(input.backup, 'backup', 'backup owner'));
  if (owner && backup && owner.email.toLowerCase() === backup.email.toLowerCase()) {
    c.add('backup.email', 'The backup must be someone other than the owner: they look after the account when the owner is away.');
  }
  const rota = c.field('rota', requiredText(input.rota, L.noteLength, true, 'Say how the owner and backup share the work and who covers leave and sickness.'));
  const hoursStaffed = c.group<StaffedHours>(staffedHours(input.staffedHours, 'staffedHours'));
  const hashtag = c.group<HashtagProposal | null>(hashtagProposal(input.hashtag, 'hashtag', ctx));
  const exitPlan = c.field('exitPlan', requiredText(input.exitPlan, L.noteLength, true, 'Say when and how the account would close (for example when the project ends), and what happens to its followers.'));
  return c.result(() => ({
    kind: 'New account', accountName: accountName!, platform: platform!, handle: handle!, owningService: owningService!,
    whyExistingCannotServe: whyExistingCannotServe!, audience: audience!, whereAudienceTalks: whereAudienceTalks!, objectives: objectives!,
    contentPlan: contentPlan!, hoursPerWeek: hours!, owner: owner!, backup: backup!, rota: rota!, staffedHours: hoursStaffed!,
    hashtag: hashtag ?? null, exitPlan: exitPlan!
  }));
}

/** The form filled in from a request, to revise it. */
export function newAccountInputFrom(d: NewAccountDetails): NewAccountInput {
  return {
    kind: 'New account', accountName: d.accountName, platform: d.platform, handle: d.handle, owningService: d.owningService,
    whyExistingCannotServe: d.whyExistingCannotServe, audience: d.audience, whereAudienceTalks: d.whereAudienceTalks, objectives: d.objectives,
    contentPlan: d.contentPlan, hoursPerWeek: String(d.hoursPerWeek), owner: { ...d.owner }, backup: { ...d.backup }, rota: d.rota,
    staffedHours: { allHours: d.staffedHours.allHours, slots: d.staffedHours.slots.map((s) => ({ ...s })), profileWillSaySo: d.staffedHours.profileWillSaySo },
    hashtag: d.hashtag ? { ...d.hashtag } : emptyHashtag(), exitPlan: d.exitPlan
  };
}
