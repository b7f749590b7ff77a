import { startWorkbench } from '../workbench/harness';
import { person, spAs } from '../workbench/seed';
import { LISTS } from '../src/data/schema';
import { SpEmergencyRoles } from '../src/data/sp/emergencyRoles';
import { SpActivationLog } from '../src/data/sp/activationLog';
import { SpAccountsRepository } from '../src/data/sp/accountsRepository';
import { SpActivityLog } from '../src/data/sp/activityLog';
import { GraphNotifier } from '../src/data/graph/graphNotifier';
import { GraphHolderDirectory } from '../src/data/graph/holderDirectory';
import { createWorkbenchGraphClient } from '../src/data/graph/workbenchGraphClient';
import type { GraphLike } from '../src/data/graph/graphLike';
import { TEAMS_APP_ID } from '../src/data/graph/teamsApp';
import { EmergencyPlanService } from '../src/services/emergencyPlanService';

// `npm run bench -- announce`: "Announce roles" to 1,000 role holders (500 roles, each with a holder
// and a backup, all different people), by the real service and adapters against the workbench's
// emulator: how many Graph requests the announcement makes (goal: at most 12: the card, the sender's
// own id, ten bulk calls of 100) and how long it takes, once as Graph behaves and once with 429s
// injected (each retried after its own Retry-After). The directory check that comes with opening
// the plan (who has left) is counted apart: it happens before anyone presses the button.

const HOLDERS = 1000;
const TEXT = { title: 'Social media roles in the emergency plan', intro: 'Who runs our social media in an emergency.', person: 'Holder', backup: 'Backup', accounts: 'Accounts covered', none: 'Not filled', noAccounts: 'None named' };

export interface AnnounceRun { graphRequests: number; ms: number; sent: number; notSent: number; posted: boolean }
export interface AnnounceBench { holders: number; check: { graphRequests: number; ms: number }; calm: AnnounceRun; throttled: AnnounceRun & { injected: number; retryAfter: number } }

/** Counts every Graph request (the SDK's own retries are off, so each api() call is one request). */
function counting(graph: GraphLike): { graph: GraphLike; count: () => number; reset: () => void } {
  let n = 0;
  return { graph: { api: (path: string) => { n++; return graph.api(path); } }, count: () => n, reset: () => { n = 0; } };
}

export async function announceTo1000(): Promise<AnnounceBench> {
  const wb = await startWorkbench({ seed: true, build: false });
  try {
    const people = wb.emulator.addDirectoryPeople(HOLDERS);
    const rows = Array.from({ length: HOLDERS / 2 }, (_, i) => ({
      Title: `Role ${i + 1}`, Role: `Role ${i + 1}`, PersonId: people[2 * i].siteUserId, BackupPersonId: people[2 * i + 1].siteUserId, AccountsCovered: '[]'
    }));
    wb.emulator.sharepoint.bulkAddItems(LISTS.emergencyRoles.title, rows, person('comms').upn);

    const comms = person('comms').upn;
    const sp = spAs(wb.siteUrl, comms);
    const { graph, count, reset } = counting(createWorkbenchGraphClient({ origin: wb.url, user: comms, retry: { maxRetries: 0, delaySeconds: 0 } }));
    const service = new EmergencyPlanService(
      new SpEmergencyRoles(sp), new SpAccountsRepository(sp), new GraphHolderDirectory(graph),
      new GraphNotifier(graph, { teamsAppId: TEAMS_APP_ID, fallbackBaseUrl: `${wb.url}/sharepoint`, maxAttempts: 8, maxWaitSeconds: 60, bulkIntervalMs: 500 }),
      new SpActivationLog(sp), new SpActivityLog(sp), { teamId: 'a1b2c3d4-0000-4000-8000-00000000c0a1', channelId: '19:emergency@thread.tacv2' }, TEXT
    );

    let t = performance.now();
    const plan = await service.load();
    const check = { graphRequests: count(), ms: performance.now() - t };

    const run = async (): Promise<AnnounceRun> => {
      reset();
      t = performance.now();
      const outcome = await service.announce(plan);
      const sent = outcome.results.filter((r) => r.status === 'sent').length;
      return { graphRequests: count(), ms: performance.now() - t, sent, notSent: outcome.recipients - sent, posted: outcome.channel.status === 'posted' };
    };
    const calm = await run();
    const injected = 4, retryAfter = 1;
    await fetch(`${wb.url}/__emulator/graph/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ throttleNext: injected, retryAfter }) });
    const throttled = { ...(await run()), injected, retryAfter };
    return { holders: HOLDERS, check, calm, throttled };
  } finally {
    await wb.close();
  }
}

export function announceLines(b: AnnounceBench): string[] {
  const line = (r: AnnounceRun) => `${r.graphRequests} Graph requests (goal at most 12), ${r.ms.toFixed(0)} ms, sent to ${r.sent.toLocaleString('en-GB')}, not sent ${r.notSent}, card ${r.posted ? 'posted' : 'NOT posted'}`;
  return [
    `  "Announce roles" to ${b.holders.toLocaleString('en-GB')} role holders (500 roles, holder and backup each), by comms, in Node against the workbench:`,
    `    as Graph behaves: ${line(b.calm)}`,
    `    with ${b.throttled.injected} sends answered 429 (Retry-After: ${b.throttled.retryAfter} s), each retried after it: ${line(b.throttled)}`,
    `    opening the plan first (who has left, from the directory in $batches of 20): ${b.check.graphRequests} Graph requests, ${b.check.ms.toFixed(0)} ms`
  ];
}
