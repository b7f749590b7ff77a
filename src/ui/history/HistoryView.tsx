import * as React from 'react';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import { versionNumber } from '../../domain/policy';
import type { PolicyPage } from '../../services/policyService';
import type { PolicyVersionSummary } from '../../services/ports/policy';
import { usePolicyPage } from '../common/PolicyPageContext';
import { useServices } from '../common/ServicesContext';
import { useAsync } from '../common/useAsync';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { format } from '../common/format';
import { historyStyles } from './historyStyles';
import { VersionList } from './VersionList';
import { VersionReader } from './VersionReader';
import { VersionComparison } from './VersionComparison';

// Every published version of the policy, for everyone: read any of them as it was, or see what
// changed between two. Staff asked to acknowledge again can check what is new.

const newestFirst = (a: PolicyVersionSummary, b: PolicyVersionSummary): number => versionNumber(b.major, b.minor) - versionNumber(a.major, a.minor);

export default function HistoryView(): React.ReactElement {
  const { state, reload } = usePolicyPage();
  if (state.status === 'loading') return <Spinner label={strings.Loading} />;
  if (state.status === 'error') return <ErrorBar error={state.error} onRetry={reload} />;
  return <History page={state.value} />;
}

function History({ page }: { page: PolicyPage }): React.ReactElement {
  const s = historyStyles(useTheme());
  const services = useServices();
  const [versions, retry] = useAsync(() => services.policy.listVersions().then((list) => [...list].sort(newestFirst)), [services]);
  // A link such as a Teams notification can open one version here.
  const [readingId, setReadingId] = React.useState<number | undefined>(() => {
    const link = services.host.deepLink;
    const id = link?.pageId === 'history' ? Number(link.subPageId) : NaN;
    return Number.isInteger(id) && id > 0 ? id : undefined;
  });
  const [comparing, setComparing] = React.useState<number[]>([]);
  const panel = React.useRef<HTMLDivElement>(null);
  const [moveFocus, setMoveFocus] = React.useState(0);

  // Whatever was chosen opens below the list: take keyboard and screen reader users there.
  React.useEffect(() => {
    if (moveFocus > 0) panel.current?.focus();
  }, [moveFocus]);

  const read = (id: number): void => {
    setComparing([]);
    setReadingId(id);
    setMoveFocus((n) => n + 1);
  };
  const toggleCompare = (id: number, on: boolean): void => {
    setReadingId(undefined);
    // At most two: ticking a third keeps the one ticked last and the new one.
    const next = on ? [...comparing.filter((x) => x !== id), id].slice(-2) : comparing.filter((x) => x !== id);
    setComparing(next);
    if (next.length === 2) setMoveFocus((n) => n + 1);
  };
  const whatChanged = (olderId: number, newerId: number): void => {
    setReadingId(undefined);
    setComparing([olderId, newerId]);
    setMoveFocus((n) => n + 1);
  };

  if (versions.status === 'loading') return <Spinner label={strings.Loading} />;
  if (versions.status === 'error') return <ErrorBar error={versions.error} onRetry={retry} />;
  const list = versions.value;
  const labelOf = (id: number): string => list.find((v) => v.id === id)?.label ?? '';

  return (
    <div className={s.root}>
      <h2 className={s.title}>{strings.HistoryHeading}</h2>
      {list.length === 0 ? <Notice kind="info">{strings.PolicyMissing}</Notice> : (
        <>
          <p className={s.hint}>{strings.HistoryIntro}</p>
          <VersionList
            versions={list} inForceId={page.policy?.id} readingId={readingId} comparing={comparing}
            onRead={read} onToggleCompare={toggleCompare} onWhatChanged={whatChanged}
          />
          <p className={s.hint} aria-live="polite">
            {comparing.length === 1 ? format(strings.HistoryPickAnother, labelOf(comparing[0])) : ''}
          </p>
        </>
      )}
      <div ref={panel} tabIndex={-1} style={{ outline: 'none' }}>
        {readingId !== undefined && <VersionReader page={page} id={readingId} onClose={() => setReadingId(undefined)} />}
        {comparing.length === 2 && <VersionComparison page={page} ids={[comparing[0], comparing[1]]} onClose={() => setComparing([])} />}
      </div>
    </div>
  );
}
