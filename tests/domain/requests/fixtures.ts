import type { CloseAccountInput, IdeaOrQuestionInput, NewAccountInput, PaidCampaignInput, ValidationContext } from '../../../src/domain/requests';

// Forms as a careful requester fills them in, on a fixed "today".

export const CTX: ValidationContext = { today: '2026-03-02' };

export const newAccount = (): NewAccountInput => ({
  kind: 'New account',
  accountName: 'Northshire Libraries',
  platform: 'Instagram',
  handle: '@northshirelibraries',
  owningService: 'Libraries and Archives',
  whyExistingCannotServe: 'The corporate account posts about council business; teenagers who use our libraries do not follow it.',
  audience: 'Young people aged 13–19 and their parents.',
  whereAudienceTalks: 'Instagram and school WhatsApp groups.',
  objectives: 'Double attendance at teen reading events within a year.',
  contentPlan: 'Three posts a week: events, new books, behind the scenes.',
  hoursPerWeek: '6',
  owner: { name: 'Olivia Reed', email: 'olivia.reed@northshire.example' },
  backup: { name: 'Ben Carter', email: 'ben.carter@northshire.example' },
  rota: 'Olivia on Mondays to Wednesdays, Ben on Thursdays and Fridays; each covers the other\'s leave.',
  staffedHours: { allHours: false, slots: [{ day: 'Mon', from: '09:00', to: '17:00' }, { day: 'Tue', from: '09:00', to: '12:30' }, { day: 'Tue', from: '13:30', to: '17:00' }], profileWillSaySo: true },
  hashtag: { tag: '#NorthshireReads', checkedOn: '2026-02-27', evidenceUrl: 'https://www.instagram.com/explore/tags/northshirereads/' },
  exitPlan: 'Review after a year; if attendance has not grown, close it and point followers to the corporate account.'
});

export const paidCampaign = (): PaidCampaignInput => ({
  kind: 'Paid campaign',
  title: 'Foster carers spring drive',
  purpose: 'Recruitment',
  description: 'Promote foster carer information evenings to adults in Northshire.',
  platform: 'Facebook',
  accountId: '12',
  budget: '£1,250.50',
  startDate: '2026-03-16',
  endDate: '2026-04-30',
  expectedReturn: '40000',
  howReturnIsShown: 'Enquiries counted through the campaign link; each approved carer saves agency fees.',
  hashtag: { tag: '', checkedOn: '', evidenceUrl: '' }
});

export const closeAccount = (): CloseAccountInput => ({ kind: 'Close account', accountId: '7', accountName: 'Northshire Bridge Works (X)', reason: 'The works finished in January.', followersPlan: 'A last post pointing to @NorthshireCouncil.' });

export const idea = (): IdeaOrQuestionInput => ({ kind: 'Idea or question', subject: 'A Welsh-language account?', message: 'Could we post in Welsh too?\nMany of our readers ask.' });
