import * as React from 'react';
import type { PolicyVersion } from '../../domain/policy';
import type { DeliveryReport, NotifyOutcome, PolicyPublisher } from '../../services/policyPublisher';
import { retryableRecipients } from '../../services/deliveryReport';

export interface NotifyState {
  report?: DeliveryReport;
  sending: boolean;
  problem?: unknown;
  /** Sends to everyone (first time) or to those who failed or lacked the Teams app (retry). */
  send(): void;
}

/** Drives publisher.notifyOwners for one version, keeping the latest report; it never throws. */
export function useNotifyOwners(publisher: PolicyPublisher | undefined, version: PolicyVersion, initial?: DeliveryReport): NotifyState {
  const [report, setReport] = React.useState<DeliveryReport | undefined>(initial);
  const [sending, setSending] = React.useState(false);
  const [problem, setProblem] = React.useState<unknown>();
  const live = React.useRef(true);
  React.useEffect(() => () => { live.current = false; }, []);
  React.useEffect(() => { setReport(initial); }, [initial]);

  const send = React.useCallback(() => {
    if (!publisher) return;
    setSending(true);
    setProblem(undefined);
    const only = report ? retryableRecipients(report) : undefined;
    void publisher.notifyOwners(version, only).then((outcome: NotifyOutcome) => {
      if (!live.current) return;
      const { problem: p, ...next } = outcome;
      // Without recipients a problem means nobody could be worked out: keep the earlier report.
      if (!p || next.recipients > 0) setReport(next);
      setProblem(p);
      setSending(false);
    });
  }, [publisher, version, report]);

  return { report, sending, problem, send };
}
