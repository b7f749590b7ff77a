import * as React from 'react';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { Link } from '@fluentui/react/lib/Link';
import * as strings from 'SocialMediaHubWebPartStrings';
import { QUEUE_PAGE, type Queue, type RequestCase, type RequestReviewService } from '../../services/requestReviewService';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { useServices } from '../common/ServicesContext';
import { usePolicyPage } from '../common/PolicyPageContext';
import { useAsync } from '../common/useAsync';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { format, formatDate } from '../common/format';
import { reflowTableClass } from '../common/reflowTable';
import { RequestCaseView } from './RequestCaseView';
import { statusText } from './status';

// Comms' queue of requests and the heads' decisions. The heads' view opens on what waits for their
// decision; a Teams notification's link opens its request directly.


export default function ReviewView(): React.ReactElement {
  const services = useServices();
  const { state: page } = usePolicyPage();
  const settings = page.status === 'ready' ? page.value : undefined;
  const teamsAppId = settings?.settings.teamsAppId ?? '';
  const canReview = !!settings?.canReview;
  const canDecide = !!settings?.canDecide;
  const theme = useTheme();
  const linked = services.host.deepLink?.pageId === 'review' ? Number(services.host.deepLink.subPageId) : undefined;
  const [openId, setOpenId] = React.useState<number | undefined>(linked && Number.isInteger(linked) ? linked : undefined);
  const [shown, setShown] = React.useState<Record<keyof Queue, number>>({ toReview: QUEUE_PAGE, toDecide: QUEUE_PAGE, withRequester: QUEUE_PAGE, closed: QUEUE_PAGE });
  const [state, reload] = useAsync<{ service: RequestReviewService; queue: Queue }>(async () => {
    const service = await services.review(teamsAppId);
    return { service, queue: await service.queue() };
  }, [services, teamsAppId]);
  const [opened, reopen] = useAsync<RequestCase | undefined>(async () => (openId === undefined ? undefined : (await services.review(teamsAppId)).open(openId)), [services, teamsAppId, openId]);

  const s = mergeStyleSets({
    heading: { ...theme.fonts.large, fontWeight: 600, margin: '0 0 8px' },
    sub: { ...theme.fonts.mediumPlus, fontWeight: 600, margin: '16px 0 8px' }
  });
  const table = reflowTableClass(theme);
  // Teams' light background (#f5f5f5) leaves Fluent's link blue at 4.1:1; the darker theme blue reads at AA on any light host.
  const linkStyles = { root: { color: theme.isInverted ? theme.semanticColors.link : theme.palette.themeDark } };

  if (openId !== undefined) {
    if (opened.status === 'loading' || state.status === 'loading') return <Spinner label={strings.Loading} />;
    if (opened.status === 'error') return <ErrorBar error={opened.error} onRetry={reopen} />;
    if (state.status === 'error') return <ErrorBar error={state.error} onRetry={reload} />;
    if (opened.value) {
      return <RequestCaseView key={openId} service={state.value.service} initial={opened.value} canReview={canReview} canDecide={canDecide} onBack={() => { setOpenId(undefined); reload(); }} onChanged={() => undefined} />;
    }
  }
  if (state.status === 'loading') return <Spinner label={strings.Loading} />;
  if (state.status === 'error') return <ErrorBar error={state.error} onRetry={reload} />;
  const { queue } = state.value;

  const list = (id: string, title: string, key: keyof Queue, empty: string) => {
    const cases = queue[key].slice(0, shown[key]);
    const rest = queue[key].length - cases.length;
    return (
    <section aria-labelledby={id}>
      <h3 id={id} className={s.sub}>{format(title, queue[key].length.toLocaleString('en-GB'))}</h3>
      {cases.length === 0 ? <p>{empty}</p> : (
        <table className={table} role="table" data-testid={id}>
          <thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">{strings.ReviewColRequest}</th><th scope="col" role="columnheader">{strings.ReviewColFrom}</th><th scope="col" role="columnheader">{strings.ReviewColSent}</th><th scope="col" role="columnheader">{strings.ReviewColStatus}</th></tr></thead>
          <tbody role="rowgroup">
            {cases.map((c) => (
              <tr key={c.original.id} role="row">
                <td role="cell" data-label={strings.ReviewColRequest}><div><Link styles={linkStyles} onClick={() => setOpenId(c.original.id)}>{c.title}</Link></div></td>
                <td role="cell" data-label={strings.ReviewColFrom}><div>{c.original.authorName ?? ''}</div></td>
                <td role="cell" data-label={strings.ReviewColSent}><div>{formatDate(c.original.created)}</div></td>
                <td role="cell" data-label={strings.ReviewColStatus}><div>{statusText(c.status)}</div></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rest > 0 && <DefaultButton text={format(strings.ReviewShowMore, Math.min(QUEUE_PAGE, rest), rest.toLocaleString('en-GB'))} onClick={() => setShown({ ...shown, [key]: shown[key] + QUEUE_PAGE })} />}
    </section>
    );
  };

  const decide = list('smh-queue-decide', strings.ReviewQueueDecide, 'toDecide', strings.ReviewQueueDecideEmpty);
  const review = list('smh-queue-review', strings.ReviewQueueReview, 'toReview', strings.ReviewQueueReviewEmpty);
  return (
    <section aria-labelledby="smh-review-heading">
      <h2 id="smh-review-heading" className={s.heading}>{strings.ReviewHeading}</h2>
      {!canReview && !canDecide && <Notice kind="info">{strings.ReviewReadOnly}</Notice>}
      {/* The heads see what waits for their decision first; comms their reviews. */}
      {canDecide ? <>{decide}{review}</> : <>{review}{decide}</>}
      {list('smh-queue-requester', strings.ReviewQueueRequester, 'withRequester', strings.ReviewQueueRequesterEmpty)}
      {list('smh-queue-closed', strings.ReviewQueueClosed, 'closed', strings.ReviewQueueClosedEmpty)}
    </section>
  );
}
