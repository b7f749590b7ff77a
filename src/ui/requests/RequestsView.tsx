import * as React from 'react';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { ChoiceGroup, type IChoiceGroupOption } from '@fluentui/react/lib/ChoiceGroup';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import { REQUEST_KINDS, type RequestDraft, type RequestKind } from '../../domain/requests';
import type { CommsNotified, RequestsService, SubmitOutcome } from '../../services/requestsService';
import { useServices } from '../common/ServicesContext';
import { usePolicyPage } from '../common/PolicyPageContext';
import { useAsync } from '../common/useAsync';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { format } from '../common/format';
import { RequestForm } from './RequestForm';
import { MyRequestsList, RequestDetailView } from './MyRequests';
import { readDraft } from './requestDrafts';
import { requestStyles } from './requestStyles';

// The Requests tab, for everyone: "New request" (choose the kind, then its form) and "My requests"
// (the list, and one request with its history). A deep link { pageId: 'requests', subPageId: <id> }
// opens that request.

type Mode =
  | { view: 'new'; kind?: RequestKind }
  | { view: 'mine' }
  | { view: 'detail'; id: number; saved?: Extract<SubmitOutcome, { kind: 'saved' }>; revised?: boolean }
  | { view: 'revise'; draft: RequestDraft };

const KIND_TEXT: Record<RequestKind, [string, string]> = {
  'New account': [strings.ReqTypeNewAccount, strings.ReqTypeNewAccountHelp],
  'Paid campaign': [strings.ReqTypePaidCampaign, strings.ReqTypePaidCampaignHelp],
  'Close account': [strings.ReqTypeCloseAccount, strings.ReqTypeCloseAccountHelp],
  'Idea or question': [strings.ReqTypeIdea, strings.ReqTypeIdeaHelp]
};

function initialMode(subPageId: string | undefined): Mode {
  const id = subPageId && /^[1-9]\d{0,9}$/.test(subPageId) ? Number(subPageId) : undefined;
  return id ? { view: 'detail', id } : { view: 'new' };
}

export default function RequestsView(): React.ReactElement {
  const services = useServices();
  const { state: page } = usePolicyPage();
  if (page.status === 'loading') return <Spinner label={strings.Loading} />;
  // Without settings (a site not set up) notifications use the app's own id; the requests themselves still work.
  const teamsAppId = page.status === 'ready' ? page.value.settings.teamsAppId : '';
  const link = services.host.deepLink;
  return <Requests teamsAppId={teamsAppId} subPageId={link?.pageId === 'requests' ? link.subPageId : undefined} />;
}

function Requests({ teamsAppId, subPageId }: { teamsAppId: string; subPageId?: string }): React.ReactElement {
  const services = useServices();
  const s = requestStyles(useTheme());
  const [loaded, retry] = useAsync<RequestsService>(() => services.requests(teamsAppId), [services, teamsAppId]);
  const [mode, setMode] = React.useState<Mode>(() => initialMode(subPageId));
  const user = services.host.user.loginName || services.host.user.email;
  const place = { siteUrl: services.host.siteUrl, user };

  if (loaded.status === 'loading') return <Spinner label={strings.Loading} />;
  if (loaded.status === 'error') return <ErrorBar error={loaded.error} onRetry={retry} />;
  const service = loaded.value;
  const mine = mode.view !== 'new';

  const options: IChoiceGroupOption[] = REQUEST_KINDS.map((k) => {
    const kept = readDraft({ ...place, kind: k, revisionOf: null });
    return { key: k, text: kept ? `${KIND_TEXT[k][0]} ${strings.ReqHasDraft}` : KIND_TEXT[k][0], ariaLabel: `${KIND_TEXT[k][0]}${kept ? ` ${strings.ReqHasDraft}` : ''}. ${KIND_TEXT[k][1]}` };
  });

  return (
    <section className={s.root} aria-labelledby="smh-requests-heading" data-testid="requests-view">
      <h2 id="smh-requests-heading" className={s.heading}>{strings.ReqHeading}</h2>
      <div className={s.switcher} role="group" aria-label={strings.ReqHeading}>
        <button type="button" className={s.switch} aria-pressed={!mine} onClick={() => setMode({ view: 'new' })}>{strings.ReqNew}</button>
        <button type="button" className={s.switch} aria-pressed={mine} onClick={() => setMode({ view: 'mine' })}>{strings.ReqMine}</button>
      </div>
      {mode.view === 'new' && (
        <>
          <ChoiceGroup label={strings.ReqChooseType} options={options} selectedKey={mode.kind ?? null}
            onChange={(_, o) => o && setMode({ view: 'new', kind: o.key as RequestKind })} />
          {mode.kind && <p className={s.note}>{KIND_TEXT[mode.kind][1]}</p>}
          {mode.kind && (
            <RequestForm key={mode.kind} service={service} kind={mode.kind} place={place}
              onSaved={(saved) => setMode({ view: 'detail', id: saved.originalId, saved })} />
          )}
        </>
      )}
      {mode.view === 'mine' && <MyRequestsList service={service} onOpen={(id) => setMode({ view: 'detail', id })} />}
      {mode.view === 'detail' && (
        <RequestDetailView service={service} id={mode.id} onBack={() => setMode({ view: 'mine' })}
          onRevise={(detail) => { const draft = service.reviseDraft(detail); if (draft) setMode({ view: 'revise', draft }); }}
          banner={mode.saved && <SavedNotice revised={!!mode.revised} notified={mode.saved.notified} />} />
      )}
      {mode.view === 'revise' && (
        <>
          <h3 className={s.subHeading}>{format(strings.ReqRevising, mode.draft.revisionOf ?? '')}</h3>
          <RequestForm service={service} kind={mode.draft.kind} place={place} revising={mode.draft}
            onSaved={(saved) => setMode({ view: 'detail', id: saved.originalId, saved, revised: true })}
            onCancel={() => setMode({ view: 'detail', id: mode.draft.revisionOf! })} />
        </>
      )}
    </section>
  );
}

/** What happened after the save: the request is with comms; whether Teams took the notification, honestly. */
function SavedNotice({ revised, notified }: { revised: boolean; notified?: CommsNotified }): React.ReactElement {
  const sent = notified?.results.filter((r) => r.status === 'sent').length ?? 0;
  const notReachable = notified?.results.filter((r) => r.status === 'notReachable') ?? [];
  return (
    <Notice kind="success">
      <span data-testid="request-saved">{revised ? strings.ReqSavedRevision : strings.ReqSaved}</span>{' '}
      <span data-testid="request-notified">
        {sent > 0 ? format(strings.ReqNotifiedSent, sent, notified!.recipients) : strings.ReqNotifiedNone}
        {notReachable.length > 0 && ` ${format(strings.ReqNotifiedNotReachable, notReachable.map((r) => r.name ?? r.recipient).join(', '))}`}
      </span>
    </Notice>
  );
}
