import type { Browser, Page } from 'playwright-core';
import { startWorkbench, type Workbench } from '../../workbench/harness';
import { person } from '../../workbench/seed';
import { launchBrowser, contextAs } from './browser';

// One workbench and one Chromium for a browser test file: started before its tests, closed after,
// with the two things every file does: open a page as one of the seeded people, and have someone
// confirm the policy.

type Persona = Parameters<typeof person>[0];

export interface WorkbenchSession {
  readonly wb: Workbench;
  readonly browser: Browser;
  /** A new browser context signed in as the persona, on `path`. */
  as(persona: Persona, path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** The persona confirms the policy in force (in a context of their own, closed after). */
  confirmPolicy(persona: Persona): Promise<void>;
}

export function workbenchForFile(options: { seed: boolean } = { seed: true }, setUp?: (session: WorkbenchSession) => Promise<void>): WorkbenchSession {
  let wb: Workbench | undefined;
  let browser: Browser | undefined;
  const session: WorkbenchSession = {
    get wb() {
      if (!wb) throw new Error('The workbench is not started yet (use the session inside a test).');
      return wb;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not started yet (use the session inside a test).');
      return browser;
    },
    async as(persona, path, viewport) {
      const ctx = await contextAs(session.browser, session.wb.url, person(persona).upn, viewport);
      const page = await ctx.newPage();
      await page.goto(path);
      return page;
    },
    async confirmPolicy(persona) {
      const page = await session.as(persona, '/sharepoint?smh=policy');
      await page.getByRole('button', { name: 'I have read the policy and will follow it' }).click();
      await page.getByText(/^You acknowledged version/).first().waitFor();
      await page.context().close();
    }
  };
  beforeAll(async () => {
    wb = await startWorkbench({ seed: options.seed });
    browser = await launchBrowser();
    await setUp?.(session);
  });
  afterAll(async () => {
    await browser?.close();
    await wb?.close();
  });
  return session;
}
