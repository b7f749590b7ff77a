import * as React from 'react';
import { TextField } from '@fluentui/react/lib/TextField';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { Link } from '@fluentui/react/lib/Link';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import { safeLinkUrl, searchPolicy, visibleContent, type ChangedParts, type PolicyItem } from '../../domain/policy';
import type { PolicyPage } from '../../services/policyService';
import { usePolicyPage } from '../common/PolicyPageContext';
import { useServices } from '../common/ServicesContext';
import { AcknowledgePanel } from './AcknowledgePanel';
import { notificationOutcome, type NotificationOutcome } from './notificationOutcome';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { format, formatDate } from '../common/format';
import { Highlighted } from './Highlighted';
import { SafeHtml } from '../common/SafeHtml';
import { policyStyles } from './policyStyles';

export interface PolicyViewProps {
  onOpenSetup?: () => void;
}

export function PolicyView({ onOpenSetup }: PolicyViewProps): React.ReactElement {
  const { state, reload } = usePolicyPage();
  const services = useServices();
  if (state.status === 'loading') return <Spinner label={strings.Loading} />;
  if (state.status === 'error') {
    const notSetUp = (state.error as { kind?: string }).kind === 'notSetUp';
    return (
      <div>
        {/* The policy page is what everyone on the site may read: a refusal here is of the site. */}
        <ErrorBar error={state.error} onRetry={reload} scope="site" />
        {notSetUp && onOpenSetup && <Link onClick={onOpenSetup}>{strings.GoToSetup}</Link>}
      </div>
    );
  }
  return <PolicyReader page={state.value} outcome={notificationOutcome(services.host.deepLink, state.value)} />;
}

/**
 * The sections and items changed since the version the person last confirmed, loaded after the first
 * paint (that version's content is one more request) and only while they are asked to confirm.
 */
function useChangedSinceConfirmed(page: PolicyPage): ChangedParts | undefined {
  const services = useServices();
  const [changed, setChanged] = React.useState<{ key: string; parts?: ChangedParts }>();
  const confirmed = page.acknowledgement.sinceConfirmed?.confirmed;
  const key = page.acknowledgement.required && confirmed && page.policy ? `${confirmed.id}:${page.policy.id}` : '';
  const pageRef = React.useRef(page);
  pageRef.current = page;
  React.useEffect(() => {
    if (!key) return undefined;
    let live = true;
    services.policy.changedSinceConfirmed(pageRef.current).then(
      (parts) => { if (live) setChanged({ key, parts }); },
      // The marks are an aid: without them the banner's change notes still say what changed.
      () => undefined
    );
    return () => { live = false; };
  }, [key, services]);
  // Gone as soon as they confirm (the key empties), without waiting for anything.
  return key && changed?.key === key ? changed.parts : undefined;
}

function PolicyReader({ page, outcome }: { page: PolicyPage; outcome?: NotificationOutcome }): React.ReactElement {
  const changed = useChangedSinceConfirmed(page);
  const since = page.acknowledgement.sinceConfirmed?.confirmed?.label;
  // The banner points at the marks only when there are some (a version may change only links).
  const anyMarked = !!changed && changed.sections.size + changed.dos.size + changed.donts.size > 0;
  return (
    <>
      {outcome && <NotificationOutcomeNotice outcome={outcome} />}
      {/* When the notice already says when they confirmed, the same line at the top would repeat it. */}
      {outcome?.kind !== 'confirmed' && <AcknowledgePanel page={page} position="top" markedSince={anyMarked ? since : undefined} />}
      <PolicyContentView page={page} changed={changed} changedSince={since} />
      <AcknowledgePanel page={page} position="bottom" />
    </>
  );
}

function ChangedMark({ since }: { since: string }): React.ReactElement {
  const s = policyStyles(useTheme());
  // A note with a name that starts with its visible word, so what is heard matches what is seen.
  return <span className={s.changedMark} role="note" aria-label={format(strings.PolicyChangedMarkLabel, since)} data-changed-mark="">{strings.PolicyChangedMark}</span>;
}

interface ItemListProps { items: PolicyItem[]; query: string; render: (t: string) => string; className: string; changed?: ReadonlySet<string>; changedSince?: string }

function ItemList({ items, query, render, className, changed, changedSince }: ItemListProps): React.ReactElement {
  const s = policyStyles(useTheme());
  return (
    <ul className={`${s.list} ${className}`}>
      {items.map((i) => (
        <li key={i.id} className={changed?.has(i.id) ? `${s.item} ${s.changed} ${s.changedItem}` : s.item} data-item-id={i.id}>
          {changed?.has(i.id) && changedSince && <ChangedMark since={changedSince} />}
          <span className={s.itemTitle}><Highlighted text={render(i.title)} query={query} /></span>
          <span className={s.itemDetail}><Highlighted text={render(i.detail)} query={query} /></span>
        </li>
      ))}
    </ul>
  );
}

export interface PolicyContentViewProps {
  page: PolicyPage;
  /** Parts to mark "Changed", and the version they changed since. */
  changed?: ChangedParts;
  changedSince?: string;
}

export function PolicyContentView({ page, changed, changedSince }: PolicyContentViewProps): React.ReactElement {
  const s = policyStyles(useTheme());
  const [query, setQuery] = React.useState('');
  if (!page.policy) return <Notice kind="info">{strings.PolicyMissing}</Notice>;
  const { policy, render, renderHtml } = page;
  // Parts waiting for a feature the hub does not have yet are not shown (or searched).
  const result = searchPolicy(visibleContent(policy.content), query, render);
  const searching = query.trim().length > 0;
  const title = page.placeholders.organisation ? `${page.placeholders.organisation}: ${strings.PolicyHeading.toLowerCase()}` : strings.PolicyHeading;
  return (
    <article className={`${s.root} ${s.mark}`} aria-label={strings.PolicyHeading}>
      <header className={s.header}>
        <h2 className={s.title}>{title}</h2>
        <span className={s.meta}>
          {format(strings.PolicyVersion, policy.label)}
          {policy.publishedAt ? `, ${format(strings.PolicyPublished, formatDate(policy.publishedAt))}` : ''}
        </span>
      </header>
      <div className={s.search} role="search">
        <TextField
          type="search" role="searchbox" iconProps={{ iconName: 'Search' }} placeholder={strings.PolicySearchPlaceholder} ariaLabel={strings.PolicySearchLabel}
          value={query} onChange={(_, v) => setQuery(v ?? '')} onKeyDown={(e) => { if (e.key === 'Escape') setQuery(''); }}
        />
      </div>
      {policy.changeSummary && !searching && !page.acknowledgement.sinceConfirmed && <p className={s.meta}>{format(strings.WhatChanged, policy.label, policy.changeSummary)}</p>}
      {searching && (
        <p className={s.meta} aria-live="polite">
          {result.total === 0 ? format(strings.PolicySearchNoResults, query.trim()) : format(strings.PolicySearchCount, result.total)}
        </p>
      )}
      {result.sections.length > 0 && (
        <div className={s.sections}>
          {result.sections.map((sec) => (
            <section key={sec.id} className={changed?.sections.has(sec.id) ? `${s.section} ${s.changed}` : s.section} data-section-id={sec.id}>
              {changed?.sections.has(sec.id) && changedSince && <ChangedMark since={changedSince} />}
              <h3 className={s.sectionHeading}><Highlighted text={render(sec.heading)} query={query} /></h3>
              <SafeHtml className={s.body} html={renderHtml(sec.body)} />
            </section>
          ))}
        </div>
      )}
      <div className={s.columns}>
        {(!searching || result.dos.length > 0) && (
          <section className={s.column} aria-labelledby="smh-dos">
            <h3 id="smh-dos" className={s.columnHeading}><span className={s.badgeDo} aria-hidden="true" />{strings.PolicyDos}</h3>
            <ItemList items={result.dos} query={query} render={render} className="smh-dos" changed={changed?.dos} changedSince={changedSince} />
          </section>
        )}
        {(!searching || result.donts.length > 0) && (
          <section className={s.column} aria-labelledby="smh-donts">
            <h3 id="smh-donts" className={s.columnHeading}><span className={s.badgeDont} aria-hidden="true" />{strings.PolicyDonts}</h3>
            <ItemList items={result.donts} query={query} render={render} className="smh-donts" changed={changed?.donts} changedSince={changedSince} />
          </section>
        )}
      </div>
      {policy.content.links.length > 0 && (
        <nav aria-label={strings.PolicyLinks}>
          <h3 className={s.sectionHeading} style={{ marginTop: 20 }}>{strings.PolicyLinks}</h3>
          <ul className={s.links}>
            {policy.content.links.map((l) => {
              const href = safeLinkUrl(l.url);
              return <li key={l.title + l.url}>{href ? <Link href={href} target="_blank" rel="noopener noreferrer">{render(l.title)}</Link> : render(l.title)}</li>;
            })}
          </ul>
        </nav>
      )}
      <p className={s.footer}>{strings.PolicyAskForHelp}</p>
    </article>
  );
}

/** What became of the notification whose link opened this page (see notificationOutcome). */
function NotificationOutcomeNotice({ outcome }: { outcome: NonNullable<NotificationOutcome> }): React.ReactElement {
  return outcome.kind === 'confirmed'
    ? <Notice kind="success"><span data-testid="notification-outcome">{format(strings.NotificationConfirmed, outcome.label, formatDate(outcome.at))}</span></Notice>
    : <Notice kind="info"><span data-testid="notification-outcome">{format(strings.NotificationSuperseded, outcome.current)}</span></Notice>;
}
