/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { render, screen } from '@testing-library/react';
import { ThemeProvider } from '@fluentui/react/lib/Theme';
import { ErrorBar } from '../../src/ui/common/ErrorBar';
import { toAppError } from '../../src/data/errors/normalise';
import { SETUP_FORBIDDEN } from '../../src/services/setupService';
import { AppError } from '../../src/domain/errors';
import { App } from '../../src/ui/shell/App';
import type { Services } from '../../src/app/createServices';
import type { Host } from '../../src/app/host';

// SharePoint's two 403 bodies, as the emulator answers them (see tests/integration/refusals.test.ts).
const sp403 = (value: string) => Object.assign(new Error(`Error making HttpClient request in queryable [403] ::> ${JSON.stringify({ 'odata.error': { code: '-2147024891, System.UnauthorizedAccessException', message: { lang: 'en-US', value } } })}`), { isHttpRequestError: true, status: 403 });
const NOT_ACCEPTED = sp403('Attempted to perform an unauthorized operation.');
const DENIED = sp403('Access denied. You do not have permission to perform this action or access this resource.');

const show = async (e: unknown, scope?: 'site' | 'action') => {
  render(<ThemeProvider><ErrorBar error={await toAppError(e)} scope={scope} /></ThemeProvider>);
  return screen.getByRole('alert').textContent ?? '';
};

describe('what a refused person is told', () => {
  it('an account SharePoint does not accept (a leaver, someone unknown): what is wrong, and to contact the IT service desk', async () => {
    const text = await show(NOT_ACCEPTED, 'site');
    expect(text).toMatch(/SharePoint did not accept your account/);
    expect(text).toMatch(/disabled/);
    expect(text).toMatch(/contact your IT service desk/);
    expect(text).not.toMatch(/You don't have permission to do that/);
  });

  it('a known person refused the site: ask the site owner for read access', async () => {
    const text = await show(DENIED, 'site');
    expect(text).toMatch(/refused it access to this site/);
    expect(text).toMatch(/Ask the site owner/);
  });

  it('a known person refused one action: only that action, ask the communications team', async () => {
    const text = await show(DENIED, 'action');
    expect(text).toMatch(/refused this action for your account/);
    expect(text).toMatch(/ask the communications team/);
    expect(text).not.toMatch(/site owner/);
  });

  it('a refusal the app words itself keeps its own sentence', async () => {
    render(<ThemeProvider><ErrorBar error={new AppError('forbidden', SETUP_FORBIDDEN)} scope="site" /></ThemeProvider>);
    expect(screen.getByRole('alert').textContent).toBe(SETUP_FORBIDDEN);
  });

  it('the policy page failing to load is a refusal of the site, not of an action', async () => {
    const refused = await toAppError(DENIED);
    const services = {
      host: { kind: 'sharePoint', siteUrl: 'https://contoso.sharepoint.com/sites/hub', pageUrl: '', theme: 'light', user: { displayName: 'Pat', email: '', loginName: 'pat', siteUserId: 9 } } as unknown as Host,
      policy: { loadPage: async () => { throw refused; } }
    } as unknown as Services;
    render(<App services={services} theme="light" />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/refused it access to this site\b.*Ask the site owner/);
  });
});
