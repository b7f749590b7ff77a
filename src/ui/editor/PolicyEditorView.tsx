import * as React from 'react';
import { Spinner } from '@fluentui/react/lib/Spinner';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { PolicyPage } from '../../services/policyService';
import type { PolicyPublisher, PublishResult } from '../../services/policyPublisher';
import { usePolicyPage } from '../common/PolicyPageContext';
import { useServices } from '../common/ServicesContext';
import { useAsync } from '../common/useAsync';
import { ErrorBar } from '../common/ErrorBar';
import { PolicyEditorForm } from './PolicyEditorForm';
import { PublishReport } from './PublishReport';

// Comms edit and publish the policy here. The App shows this tab to the comms group only; that is
// tidiness, SharePoint refuses anyone else's publish.

export interface PolicyEditorViewProps {
  /** Leaves the editor for the policy page (the App reloads the policy in force). */
  onPublished(): void;
}

interface Published {
  result: PublishResult;
  publisher: PolicyPublisher;
}

export default function PolicyEditorView({ onPublished }: PolicyEditorViewProps): React.ReactElement {
  const { state, reload } = usePolicyPage();
  // Kept above the page state: publishing reloads the policy in force, and the report must stay.
  const [published, setPublished] = React.useState<Published | undefined>();

  if (published) {
    return (
      <PublishReport
        result={published.result} publisher={published.publisher} onShowPolicy={onPublished}
        onEditAgain={() => setPublished(undefined)}
      />
    );
  }
  if (state.status === 'loading') return <Spinner label={strings.Loading} />;
  if (state.status === 'error') return <ErrorBar error={state.error} onRetry={reload} />;
  return <EditorWithPublisher page={state.value} onReloadPage={reload} onPublished={(p) => { setPublished(p); reload(); }} />;
}

function EditorWithPublisher({ page, onReloadPage, onPublished }: { page: PolicyPage; onReloadPage(): void; onPublished(p: Published): void }): React.ReactElement {
  const services = useServices();
  const teamsAppId = page.settings.teamsAppId;
  // The publisher lives in the comms chunk, loaded when the editor opens.
  const [publisher, retry] = useAsync(() => services.publisher(teamsAppId), [services, teamsAppId]);
  if (publisher.status === 'loading') return <Spinner label={strings.Loading} />;
  if (publisher.status === 'error') return <ErrorBar error={publisher.error} onRetry={retry} />;
  return (
    <PolicyEditorForm
      // A new version in force starts a new form (and looks for that version's draft).
      key={page.policy?.id ?? 0}
      page={page} publisher={publisher.value} onReloadPage={onReloadPage}
      onPublished={(result) => onPublished({ result, publisher: publisher.value })}
    />
  );
}
