/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { render, screen, fireEvent } from '@testing-library/react';
import { retryableLazy, ViewBoundary } from '../../src/ui/shell/viewBoundary';

// A lazily loaded view that fails shows a message and "Try again", never a blank web part, and
// "Try again" really asks for the chunk again.

function Shell({ view }: { view: ReturnType<typeof retryableLazy<{ name: string }>> }) {
  return (
    <ViewBoundary onRetry={view.reset}>
      <React.Suspense fallback={<p>Loading…</p>}>
        <view.View name="history" />
      </React.Suspense>
    </ViewBoundary>
  );
}

let consoleError: jest.SpyInstance;
beforeEach(() => {
  // React logs every caught error; the boundary's output is what these tests look at.
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => consoleError.mockRestore());

it('a chunk that fails to load once shows the message; "Try again" loads it', async () => {
  let calls = 0;
  const view = retryableLazy<{ name: string }>(async () => {
    calls++;
    if (calls === 1) throw Object.assign(new Error('Loading chunk smh-history-view failed.'), { name: 'ChunkLoadError' });
    return { default: ({ name }: { name: string }) => <h2>The {name} view</h2> };
  });
  render(<Shell view={view} />);
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('This page could not be shown. It may be a connection problem; nothing was lost.');
  expect(screen.queryByRole('heading')).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByRole('heading', { name: 'The history view' })).toBeTruthy();
  expect(screen.queryByRole('alert')).toBeNull();
  expect(calls).toBe(2);
});

it('a view that throws while rendering shows the message, and "Try again" renders it again', async () => {
  let renders = 0;
  function Flaky(): React.ReactElement {
    renders++;
    if (renders === 1) throw new Error('cannot read properties of undefined');
    return <h2>Recovered</h2>;
  }
  let loads = 0;
  const view = retryableLazy<{ name: string }>(async () => { loads++; return { default: Flaky }; });
  render(<Shell view={view} />);
  await screen.findByRole('alert');
  fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByRole('heading', { name: 'Recovered' })).toBeTruthy();
  expect(loads).toBe(2);
});

it('a chunk that keeps failing keeps offering the retry', async () => {
  let calls = 0;
  const view = retryableLazy<{ name: string }>(async () => { calls++; throw new TypeError('Failed to fetch dynamically imported module'); });
  render(<Shell view={view} />);
  await screen.findByRole('alert');
  fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
  await screen.findByRole('alert');
  await screen.findByRole('button', { name: 'Try again' });
  expect(calls).toBe(2);
});
