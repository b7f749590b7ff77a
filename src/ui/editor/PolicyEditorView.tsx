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
import type { MajorVersionReach } from './ConfirmMajorDialog';

// Comms edit and publish the policy here. The App shows this tab to the comms group only; that is
// tidiness, SharePoint refuses anyone else's publish.

export interface PolicyEditorViewProps {
  /** Leaves the editor for the policy page (the App reloads the policy in force). */
  onPublished(): void;
  /**
   * How many people a major version asks to confirm again; by default the size of the policy's
   * audience read from the directory. When it cannot be known the confirmation says it in words.
   */
  countAudience?(): Promise<number>;
}

interface Published {
  result: PublishResult;
  publisher: PolicyPublisher;
}

export default function PolicyEditorView({ onPublished, countAudience }: PolicyEditorViewProps): React.ReactElement {
  const { state, reload } = usePolicyPage();
  // Kept above the page state: publishing reloads the policy in force, and the report must stay.
  const [published, setPublished] = React.useState<Published | undefined>();
  // After a conflict the page reloads the version in force; the form that then opens shows the
  // three-way view on the draft at once, rather than asking for a second click. Kept here because
  // the page's reload unmounts everything below.
  const [reviewNext, setReviewNext] = React.useState(false);

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
  return (
    <EditorWithPublisher
      page={state.value} onReloadPage={reload} countAudience={countAudience} onPublished={(p) => { setReviewNext(false); setPublished(p); reload(); }}
      reviewOnOpen={reviewNext} onReviewConflict={() => { setReviewNext(true); reload(); }}
    />
  );
}

interface EditorWithPublisherProps {
  page: PolicyPage;
  onReloadPage(): void;
  onPublished(p: Published): void;
  countAudience?(): Promise<number>;
  reviewOnOpen: boolean;
  onReviewConflict(): void;
}

function EditorWithPublisher({ page, onReloadPage, onPublished, countAudience, reviewOnOpen, onReviewConflict }: EditorWithPublisherProps): React.ReactElement {
  const services = useServices();
  const policy = page.policy;
  // Owners and backups are the people coverage already lists first; one person with two roles counts once.
  const { teamsAppId: appId, audienceGroupId } = page.settings;
  const reach = React.useMemo<MajorVersionReach>(() => ({
    // By default the audience the coverage view uses: the directory's enabled members or the chosen group.
    countAudience: countAudience ?? (() => services.audience(appId).then((a) => a.size(audienceGroupId))),
    countOwners: policy ? () => services.coverage().then((c) => c.keyPeople(policy)).then((people) => people.length) : undefined
  }), [countAudience, services, policy, appId, audienceGroupId]);
  const teamsAppId = page.settings.teamsAppId;
  // The publisher lives in the comms chunk, loaded when the editor opens.
  const [publisher, retry] = useAsync(() => services.publisher(teamsAppId), [services, teamsAppId]);
  if (publisher.status === 'loading') return <Spinner label={strings.Loading} />;
  if (publisher.status === 'error') return <ErrorBar error={publisher.error} onRetry={retry} />;
  return (
    <PolicyEditorForm
      // A new version in force starts a new form (and looks for that version's draft).
      key={page.policy?.id ?? 0}
      page={page} publisher={publisher.value} onReloadPage={onReloadPage} reach={reach}
      reviewOnOpen={reviewOnOpen} onReviewConflict={onReviewConflict}
      onPublished={(result) => onPublished({ result, publisher: publisher.value })}
    />
  );
}
