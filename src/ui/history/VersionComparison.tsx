import * as React from 'react';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import { diffRichText, diffText, hasWordChanges, type PolicyChange, type PolicyContent, type PolicyItem, type RichNode } from '../../domain/policy';
import { pageWithVersion, type PolicyPage } from '../../services/policyService';
import { useServices } from '../common/ServicesContext';
import { useAsync } from '../common/useAsync';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { format } from '../common/format';
import { groupChanges, kindLabel, olderFirst } from './changeGroups';
import { historyStyles } from './historyStyles';
import { RichDiff, TextDiff } from './WordDiff';
import { sanitizeHtml } from '../common/sanitizeHtml';

type Render = (text: string) => string;

/** Both versions of the policy, each with its own names filled in. */
interface Sides {
  older: PolicyContent;
  newer: PolicyContent;
  before: Render;
  after: Render;
  beforeHtml: Render;
  afterHtml: Render;
}

const flip = (nodes: RichNode[]): RichNode[] => nodes.map((n) => (n.kind === 'text' ? { ...n, mark: n.mark === 'ins' ? 'del' : n.mark } : n.kind === 'element' ? { ...n, children: flip(n.children) } : n));

/** A section's text as rich text with the changed words marked (all inserted when added, all deleted when removed). */
function sectionBody(change: PolicyChange, sides: Sides): RichNode[] {
  const old = sides.older.sections.find((x) => x.id === change.id);
  const now = sides.newer.sections.find((x) => x.id === change.id);
  // Stored text is sanitised again before it is compared: it is shown, and it may not have come through the editor.
  const oldHtml = old ? sanitizeHtml(sides.beforeHtml(old.body)) : '';
  const newHtml = now ? sanitizeHtml(sides.afterHtml(now.body)) : '';
  return change.kind === 'removed' ? flip(diffRichText('', oldHtml)) : diffRichText(oldHtml, newHtml);
}

function itemOf(change: PolicyChange, content: PolicyContent): PolicyItem | undefined {
  const list = change.area === 'do' ? content.dos : change.area === 'dont' ? content.donts : [];
  return list.find((x) => x.id === change.id);
}

/** One change: what kind, which part, and its words with insertions and deletions marked. */
function ChangeRow({ change, sides }: { change: PolicyChange; sides: Sides }): React.ReactElement {
  const s = historyStyles(useTheme());
  const { before, after } = sides;
  let title: React.ReactNode = change.kind === 'removed' ? before(change.title) : after(change.title);
  let detail: React.ReactNode = null;
  if (change.kind !== 'moved') {
    if (change.area === 'section') {
      const old = sides.older.sections.find((x) => x.id === change.id);
      const now = sides.newer.sections.find((x) => x.id === change.id);
      title = <TextDiff runs={diffText(old ? before(old.heading) : '', now ? after(now.heading) : '')} />;
      const body = sectionBody(change, sides);
      detail = (
        <div className={s.richText}>
          <RichDiff nodes={body} />
          {change.kind === 'changed' && !hasWordChanges(body) && <p className={s.hint}>{strings.HistoryFormattingOnly}</p>}
        </div>
      );
    } else if (change.area === 'do' || change.area === 'dont') {
      const old = itemOf(change, sides.older);
      const now = itemOf(change, sides.newer);
      title = <TextDiff runs={diffText(old ? before(old.title) : '', now ? after(now.title) : '')} />;
      detail = <p className={s.text}><TextDiff runs={diffText(old ? before(old.detail) : '', now ? after(now.detail) : '')} /></p>;
    } else {
      detail = <p className={s.text}><TextDiff runs={diffText(change.before === undefined ? '' : before(change.before), change.after === undefined ? '' : after(change.after))} /></p>;
    }
  }
  return (
    <li className={s.change} data-change-kind={change.kind} data-change-area={change.area}>
      <div className={s.changeHead}>
        <span className={s[change.kind]}>{kindLabel(change.kind)}</span>
        <span className={s.changeTitle}>{title}</span>
      </div>
      {detail}
    </li>
  );
}

/** What changed between two versions, grouped by part of the policy. */
export function VersionComparison({ page, ids, onClose }: { page: PolicyPage; ids: [number, number]; onClose(): void }): React.ReactElement {
  const s = historyStyles(useTheme());
  const services = useServices();
  const [a, b] = ids;
  const [state, retry] = useAsync(() => Promise.all([services.policy.getVersion(a), services.policy.getVersion(b)]), [services, a, b]);
  let body: React.ReactNode;
  let heading = strings.HistoryComparing;
  if (state.status === 'loading') body = <Spinner label={strings.Loading} />;
  else if (state.status === 'error') body = <ErrorBar error={state.error} onRetry={retry} />;
  else {
    const [older, newer] = olderFirst(...state.value);
    heading = format(strings.HistoryComparingVersions, older.label, newer.label);
    // Placeholders read as the names each version had, not as "{organisation}".
    const olderPage = pageWithVersion(page, older);
    const newerPage = pageWithVersion(page, newer);
    const sides: Sides = {
      older: older.content, newer: newer.content,
      before: olderPage.render, after: newerPage.render, beforeHtml: olderPage.renderHtml, afterHtml: newerPage.renderHtml
    };
    const groups = groupChanges(older, newer, { older: olderPage.placeholders, newer: newerPage.placeholders });
    body = groups.length === 0
      ? <Notice kind="info">{strings.HistoryNoChanges}</Notice>
      : [<p key="legend" className={s.hint}>{strings.HistoryDiffLegend}</p>, ...groups.map((g) => (
        <section key={g.area} aria-label={g.label} data-area={g.area}>
          <h4 className={s.groupHeading}>{format(strings.HistoryGroupHeading, g.label, g.changes.length)}</h4>
          <ul className={s.changes}>
            {g.changes.map((c, i) => <ChangeRow key={`${c.kind}-${c.id}-${i}`} change={c} sides={sides} />)}
          </ul>
        </section>
      ))];
  }
  return (
    <section className={s.panel} aria-label={strings.HistoryComparing}>
      <div className={s.panelBar}>
        <h3 className={s.panelTitle}>{heading}</h3>
        <DefaultButton text={strings.HistoryClose} onClick={onClose} />
      </div>
      {body}
    </section>
  );
}
