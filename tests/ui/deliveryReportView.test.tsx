/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { render, screen, fireEvent } from '@testing-library/react';
import { DeliveryReportView } from '../../src/ui/common/DeliveryReportView';

// What comms read about a Teams notification: "sent", "not reachable: why" and "failed" by name,
// a retry only where retrying can help, and never a claim of delivery.

describe('the delivery report', () => {
  it('names who cannot be reached and why, and who failed', () => {
    const retry = jest.fn();
    render(<DeliveryReportView onRetry={retry} report={{ recipients: 5, results: [
      { recipient: 'olivia.reed@x.org', name: 'Olivia Reed', status: 'sent', via: 'single' },
      { recipient: 'ben.hughes@x.org', name: 'Ben Hughes', status: 'notReachable', reason: 'appNotInstalled' },
      { recipient: 'leah.ward@x.org', name: 'Leah Ward', status: 'notReachable', reason: 'disabled' },
      { recipient: 'gone@x.org', status: 'notReachable', reason: 'unknown' },
      { recipient: 'sam.patel@x.org', name: 'Sam Patel', status: 'failed', reason: 'throttled', retryAfterSeconds: 5 }
    ] }} />);
    const report = screen.getByTestId('delivery-report');
    expect(screen.getByText('Teams notification sent to 1 of 5 owners and backups.')).toBeTruthy();
    expect(screen.getByText('Sent to: Olivia Reed')).toBeTruthy();
    expect(screen.getByText('Ben Hughes: not reachable: the Teams app is not installed for them')).toBeTruthy();
    expect(screen.getByText('Leah Ward: not reachable: their account is disabled')).toBeTruthy();
    expect(screen.getByText('gone@x.org: not reachable: not found in the directory')).toBeTruthy();
    expect(screen.getByText('Sam Patel: failed, can be retried: Teams was busy; try again in a few minutes')).toBeTruthy();
    expect(report.textContent).not.toMatch(/deliver/i);
    fireEvent.click(screen.getByRole('button', { name: 'Try again for those not reached' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('says a bulk send was only accepted, and offers no retry where retrying cannot help', () => {
    render(<DeliveryReportView onRetry={jest.fn()} report={{ recipients: 3, results: [
      { recipient: 'a@x.org', name: 'Ann', status: 'sent', via: 'bulk' },
      { recipient: 'b@x.org', name: 'Bob', status: 'sent', via: 'bulk' },
      { recipient: 'c@x.org', name: 'Cat', status: 'notReachable', reason: 'disabled' }
    ] }} />);
    expect(screen.getByText('Teams notification sent to 2 of 3 owners and backups.')).toBeTruthy();
    expect(screen.getByText(/Teams accepted the notification but does not say who it reached/)).toBeTruthy();
    // Bulk recipients are not listed as if each had been confirmed.
    expect(screen.queryByText(/^Sent to:/)).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
