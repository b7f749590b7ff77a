import { SpRequestsRepository } from '../src/data/sp/requestsRepository';
import { emptyNewAccount, emptyPaidCampaign, validateRequest, type RequestInput } from '../src/domain/requests';
import type { ReviewOutcome } from '../src/domain/trust';
import { spfi, SPBrowser, type SPFI } from '@pnp/sp';
import { InjectHeaders } from '@pnp/queryable';
import { person } from './seed';

// Requests for the demo that `npm start` opens, so comms and the head of comms find work waiting in
// "Review requests" and the requester finds a reply in "My requests". They go through the product's
// own repository as each person, so SharePoint records who wrote what, as it would for real.
// The browser tests start from a site without them: their counts are their own.

type Persona = Parameters<typeof person>[0];

interface DemoRequest { by: Persona; input: RequestInput; review?: { outcome: ReviewOutcome; message: string } }

/** A date `days` from today, as the forms write it (the campaign must start in the future). */
function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

function demoRequests(): DemoRequest[] {
  const sam = person('staff');
  const olivia = person('owner');
  const ben = person('backup');
  return [
    {
      by: 'staff',
      input: {
        ...emptyNewAccount(), accountName: 'Northshire Youth Service', platform: 'Instagram', handle: 'northshireyouth', owningService: 'Youth Service',
        whyExistingCannotServe: 'Young people do not follow the council accounts; they need to hear from youth workers they know.',
        audience: 'Young people aged 13 to 19 in Northshire and their youth workers', whereAudienceTalks: 'Instagram and TikTok',
        objectives: 'More young people at the youth clubs; fewer missed sessions', contentPlan: 'Two posts a week about sessions; stories from trips',
        hoursPerWeek: '3', owner: { name: sam.displayName, email: sam.upn }, backup: { name: olivia.displayName, email: olivia.upn },
        rota: 'Sam posts on Mondays and Thursdays; Olivia covers leave', exitPlan: 'Close it if it has fewer than 300 followers after a year',
        staffedHours: { allHours: false, slots: [{ day: 'Mon', from: '09:00', to: '17:00' }, { day: 'Thu', from: '09:00', to: '17:00' }], profileWillSaySo: true }
      },
      review: { outcome: 'To decision', message: 'A clear case and a real audience. Over to Hannah for the decision.' }
    },
    {
      by: 'owner',
      input: {
        ...emptyPaidCampaign(), title: 'Foster carer recruitment', purpose: 'Recruitment', platform: 'Facebook',
        description: 'Adverts to people aged 30 to 60 in Northshire during Foster Care Fortnight.', budget: '1500', startDate: daysFromNow(60), endDate: daysFromNow(74),
        expectedReturn: '6000',
        howReturnIsShown: 'Each new carer saves the agency fee of a placement; enquiries through the tracked link, reported a month after the campaign'
      },
      review: { outcome: 'More information', message: 'Which account will run it, Northshire Fostering? And how will you tell enquiries from the adverts apart from the others?' }
    },
    { by: 'backup', input: { kind: 'Idea or question', subject: 'Live posts from the council meeting', message: `Could we post from full council meetings as they happen? ${ben.displayName}, Highways.` } }
  ];
}

/**
 * PnPjs as one person with their own form digest: PnPjs keeps digests per site, not per person, and
 * SharePoint refuses a write whose digest was issued to someone else.
 */
async function spAsWithDigest(siteUrl: string, p: Persona): Promise<SPFI> {
  const headers = { 'x-emulator-user': person(p).upn, Accept: 'application/json;odata=nometadata' };
  const res = await fetch(`${siteUrl}/_api/contextinfo`, { method: 'POST', headers });
  if (!res.ok) throw new Error(`contextinfo for ${p}: ${res.status}`);
  const digest = ((await res.json()) as { FormDigestValue: string }).FormDigestValue;
  return spfi().using(SPBrowser({ baseUrl: siteUrl }), InjectHeaders({ 'x-emulator-user': person(p).upn, 'X-RequestDigest': digest }));
}

export async function seedDemoRequests(siteUrl: string): Promise<void> {
  const repositoryOf = async (p: Persona): Promise<SpRequestsRepository> => {
    const sp = await spAsWithDigest(siteUrl, p);
    const { Id } = await sp.web.currentUser.select('Id')<{ Id: number }>();
    return new SpRequestsRepository(sp, async () => Id);
  };
  const comms = await repositoryOf('comms');
  let n = 0;
  for (const demo of demoRequests()) {
    const accepted = validateRequest(demo.input, { today: daysFromNow(0) });
    if (!accepted.ok) throw new Error(`A demo request does not pass the form's checks: ${JSON.stringify(accepted.problems)}`);
    const requester = await repositoryOf(demo.by);
    const stored = await requester.submit({ type: demo.input.kind, details: accepted.json, submissionId: `demo-request-${++n}` });
    if (demo.review) {
      await comms.review({ requestId: stored.id, requesterId: stored.authorId, outcome: demo.review.outcome, message: demo.review.message, submissionId: `demo-review-${n}` });
    }
  }
}
