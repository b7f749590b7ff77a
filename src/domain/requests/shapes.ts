import { S, type Shape } from './shape';
import { CAMPAIGN_PURPOSES, PLATFORMS, WEEKDAYS, type RequestKind } from './types';

// The stored shapes of each kind: what the form holds (drafts) and what an accepted request says
// (Details). Field order here is the order they are written in.

const person = S.object({ name: S.string, email: S.string });
const hashtag = S.object({ tag: S.string, checkedOn: S.string, evidenceUrl: S.string });
const MAX_SLOTS_IN_A_DRAFT = 50;

export const INPUT_SHAPES: Record<RequestKind, Shape> = {
  'New account': S.object({
    kind: S.string, accountName: S.string, platform: S.string, handle: S.string, owningService: S.string, whyExistingCannotServe: S.string,
    audience: S.string, whereAudienceTalks: S.string, objectives: S.string, contentPlan: S.string, hoursPerWeek: S.string,
    owner: person, backup: person, rota: S.string,
    staffedHours: S.object({ allHours: S.boolean, slots: S.array(S.object({ day: S.string, from: S.string, to: S.string }), MAX_SLOTS_IN_A_DRAFT), profileWillSaySo: S.boolean }),
    hashtag, exitPlan: S.string
  }),
  'Paid campaign': S.object({
    kind: S.string, title: S.string, purpose: S.string, description: S.string, platform: S.string, accountId: S.string, budget: S.string,
    startDate: S.string, endDate: S.string, expectedReturn: S.string, howReturnIsShown: S.string, hashtag
  }),
  'Close account': S.object({ kind: S.string, accountId: S.string, accountName: S.string, reason: S.string, followersPlan: S.string }),
  'Idea or question': S.object({ kind: S.string, subject: S.string, message: S.string })
};

const storedHashtag = S.nullable(hashtag);

export const DETAILS_SHAPES: Record<RequestKind, Shape> = {
  'New account': S.object({
    kind: S.string, accountName: S.string, platform: S.enum(PLATFORMS), handle: S.string, owningService: S.string,
    whyExistingCannotServe: S.string, audience: S.string, whereAudienceTalks: S.string, objectives: S.string, contentPlan: S.string,
    hoursPerWeek: S.number, owner: person, backup: person, rota: S.string,
    staffedHours: S.object({ allHours: S.boolean, slots: S.array(S.object({ day: S.enum(WEEKDAYS), from: S.string, to: S.string }), 14), profileWillSaySo: S.boolean }),
    hashtag: storedHashtag, exitPlan: S.string
  }),
  'Paid campaign': S.object({
    kind: S.string, title: S.string, purpose: S.enum(CAMPAIGN_PURPOSES), description: S.string, platform: S.enum(PLATFORMS),
    accountId: S.nullable(S.integer), budgetPence: S.integer, startDate: S.string, endDate: S.string, expectedReturnPence: S.integer,
    howReturnIsShown: S.string, hashtag: storedHashtag
  }),
  'Close account': S.object({ kind: S.string, accountId: S.integer, accountName: S.string, reason: S.string, followersPlan: S.string }),
  'Idea or question': S.object({ kind: S.string, subject: S.string, message: S.string })
};
