import type { Browser, Page, Response } from 'playwright-core';
import { startWorkbench } from '../workbench/harness';
import { person } from '../workbench/seed';
import { launchBrowser, contextAs } from '../tests/support/browser';

// What every part of `npm run bench` shares: a seeded, minified workbench with one browser that is
// always closed, a page signed in as a persona on the policy view, and a count of the API calls.

export type Workbench = Awaited<ReturnType<typeof startWorkbench>>;
export type Persona = Parameters<typeof person>[0];

export interface ApiTotals { spRequests: number; graphRequests: number; apiBytes: number }

/** Starts the workbench, lets `prepare` add data, opens Chromium, runs `measure`, and closes both. */
export async function withWorkbench<T>(prepare: (wb: Workbench) => void | Promise<void>, measure: (wb: Workbench, browser: Browser) => Promise<T>): Promise<T> {
  const wb = await startWorkbench({ seed: true, minify: true });
  try {
    await prepare(wb);
    const browser = await launchBrowser();
    try {
      return await measure(wb, browser);
    } finally {
      await browser.close();
    }
  } finally {
    await wb.close();
  }
}

/** A page signed in as `persona`, showing the SharePoint page's policy view (the start of each measure). */
export async function policyPageAs(browser: Browser, wb: Workbench, persona: Persona): Promise<Page> {
  const ctx = await contextAs(browser, wb.url, person(persona).upn);
  const page = await ctx.newPage();
  await page.goto('/sharepoint');
  await page.getByRole('heading', { name: /social media policy/ }).waitFor();
  return page;
}

/** Counts the SharePoint and Graph calls a page makes and the bytes they answer (bodies are read in full before counting ends). */
export function watchApi(page: Page): { reset(): void; stop(): void; totals(): Promise<ApiTotals> } {
  let spRequests = 0;
  let graphRequests = 0;
  let reads: Promise<number>[] = [];
  const onResponse = (res: Response): void => {
    const url = new URL(res.url());
    const isSp = url.pathname.includes('/_api/');
    const isGraph = /^\/(v1\.0|beta)\//.test(url.pathname);
    if (!isSp && !isGraph) return;
    if (isSp) spRequests++;
    else graphRequests++;
    // A large $batch answer can be unavailable to body() after the page consumed it; the transfer
    // sizes Chromium recorded still say how big it was.
    reads.push(res.body().then((b) => b.length, () => res.request().sizes().then((z) => z.responseBodySize, () => 0)));
  };
  page.on('response', onResponse);
  return {
    reset() { spRequests = 0; graphRequests = 0; reads = []; },
    stop() { page.off('response', onResponse); },
    async totals() {
      const bytes = await Promise.all(reads);
      return { spRequests, graphRequests, apiBytes: bytes.reduce((a, b) => a + b, 0) };
    }
  };
}

/**
 * Runs `act` and waits until `selector` is on the page; returns the API calls the page *started*
 * before it appeared and their bytes, and the page's own time to it. Calls the view makes once it has
 * painted (what loads below the fold) are not part of the first paint, so they are not counted; a
 * response listener would count them, because Playwright notices the element a poll later.
 */
export async function measured(page: Page, selector: string, act: () => Promise<void>): Promise<ApiTotals & { ms: number }> {
  // Sent as text: tsx names the functions it compiles with a helper the page does not have.
  const start = await page.evaluate<number>(`(() => {
    window.__benchReady = undefined;
    performance.setResourceTimingBufferSize(100000);
    const sel = ${JSON.stringify(selector)};
    const observer = new MutationObserver(() => {
      if (window.__benchReady === undefined && document.querySelector(sel)) { window.__benchReady = performance.now(); observer.disconnect(); }
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    return performance.now();
  })()`);
  await act();
  await page.waitForFunction('window.__benchReady !== undefined', undefined, { timeout: 300_000 });
  return page.evaluate<ApiTotals & { ms: number }>(`(() => {
    const from = ${start};
    const ready = window.__benchReady;
    const calls = performance.getEntriesByType('resource').filter((e) => e.startTime >= from && e.startTime <= ready);
    const sp = calls.filter((e) => new URL(e.name).pathname.includes('/_api/'));
    const graph = calls.filter((e) => /^\\/(v1\\.0|beta)\\//.test(new URL(e.name).pathname));
    const bytes = sp.concat(graph).reduce((sum, e) => sum + e.decodedBodySize, 0);
    return { spRequests: sp.length, graphRequests: graph.length, apiBytes: bytes, ms: ready - from };
  })()`);
}
