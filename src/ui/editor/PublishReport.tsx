import * as React from 'react';
import { PrimaryButton, DefaultButton } from '@fluentui/react/lib/Button';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { PolicyPublisher, PublishResult } from '../../services/policyPublisher';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { DeliveryReportView } from '../common/DeliveryReportView';
import { useNotifyOwners } from '../common/useNotifyOwners';
import { format } from '../common/format';
import { editorStyles } from './editorStyles';

export interface PublishReportProps {
  result: PublishResult;
  publisher: PolicyPublisher;
  onShowPolicy(): void;
  onEditAgain(): void;
}

/**
 * What happened after publishing: the version is saved; for a major one, owners and backups are
 * then told in Teams. That second step runs here, after the save, so it can never block or undo it;
 * its failures are listed with why and can be retried for just those people.
 */
export function PublishReport({ result, publisher, onShowPolicy, onEditAgain }: PublishReportProps): React.ReactElement {
  const s = editorStyles(useTheme());
  const top = React.useRef<HTMLDivElement>(null);
  const notify = useNotifyOwners(publisher, result.version);
  const started = React.useRef(false);

  React.useEffect(() => {
    // The form that had focus is gone: start reading here.
    top.current?.focus();
    if (result.version.isMajor && !started.current) {
      started.current = true;
      notify.send();
    }
  }, [result.version.isMajor, notify]);

  return (
    <div className={s.report} ref={top} tabIndex={-1} aria-label={strings.EditorPublishedHeading}>
      <Notice kind="success">{format(strings.EditorPublished, result.version.label)}</Notice>
      {result.version.isMajor && (notify.report
        ? <DeliveryReportView report={notify.report} onRetry={notify.send} retrying={notify.sending} />
        : notify.sending && <Spinner label={strings.DeliverySending} />)}
      {notify.problem !== undefined && <ErrorBar error={notify.problem} onRetry={notify.send} />}
      <div className={s.actions}>
        <PrimaryButton text={strings.EditorShowPublished} onClick={onShowPolicy} />
        <DefaultButton text={strings.EditorEditAgain} onClick={onEditAgain} />
      </div>
    </div>
  );
}
