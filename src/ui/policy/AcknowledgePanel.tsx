import * as React from 'react';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { PolicyPage } from '../../services/policyService';
import { useServices } from '../common/ServicesContext';
import { usePolicyPage } from '../common/PolicyPageContext';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { format, formatDate } from '../common/format';
import { ChangesSinceConfirmed } from './ChangesSinceConfirmed';

/** Asks for, or confirms, the signed-in person's acknowledgement of the version in force. */
export interface AcknowledgePanelProps {
  page: PolicyPage;
  position: 'top' | 'bottom';
  /** The version since which parts below are marked "Changed", once the marks are there. */
  markedSince?: string;
}

export function AcknowledgePanel({ page, position, markedSince }: AcknowledgePanelProps): React.ReactElement | null {
  const services = useServices();
  const { update } = usePolicyPage();
  const theme = useTheme();
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const [justDone, setJustDone] = React.useState(false);
  // The button that was just pressed disappears with the confirmation: focus goes to the
  // confirmation, so keyboard and screen reader users land on what happened instead of the page top.
  const confirmation = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => { if (justDone) confirmation.current?.focus(); }, [justDone]);
  const policy = page.policy;
  if (!policy) return null;

  const acknowledge = async (): Promise<void> => {
    setSaving(true);
    setError(undefined);
    try {
      update(await services.policy.acknowledge(page));
      setJustDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  if (!page.acknowledgement.required) {
    // At the top whenever it is done; at the end too, right after confirming there.
    if (!page.acknowledgement.acknowledgedAt || (position === 'bottom' && !justDone)) return null;
    const notice = (
      <Notice kind="success">
        {justDone ? `${strings.AckDoneShort} ` : ''}
        {format(strings.AckDone, policy.label, formatDate(page.acknowledgement.acknowledgedAt))}
      </Notice>
    );
    // Where the button was (the end of the page), the confirmation takes the focus.
    return position === 'bottom' ? <div ref={confirmation} tabIndex={-1} data-testid="acknowledge-confirmation">{notice}</div> : notice;
  }

  if (position === 'top') {
    const since = page.acknowledgement.sinceConfirmed;
    return (
      <Notice kind="warning">
        {format(strings.AckBanner, policy.label)} {strings.AckRequired}
        {since && <ChangesSinceConfirmed since={since} render={page.render} />}
        {markedSince && <p style={{ margin: '4px 0 0' }}>{format(strings.AckChangedMarked, markedSince)}</p>}
      </Notice>
    );
  }

  const s = mergeStyleSets({
    heading: { ...theme.fonts.mediumPlus, fontWeight: 600, margin: '0 0 4px' },
    panel: { border: `1px solid ${theme.semanticColors.warningIcon ?? theme.palette.yellow}`, borderLeftWidth: 4, padding: '12px 16px', margin: '8px 0 16px', background: theme.semanticColors.warningBackground, color: theme.semanticColors.bodyText },
    button: {
      ...theme.fonts.medium, fontWeight: 600, marginTop: 8, padding: '6px 16px', minHeight: 32, borderRadius: 2, cursor: 'pointer',
      background: theme.palette.themePrimary, color: theme.palette.white, border: `1px solid ${theme.palette.themePrimary}`,
      selectors: { ':hover': { background: theme.palette.themeDarkAlt }, ':disabled': { opacity: 0.6, cursor: 'default' }, ':focus-visible': { outline: `2px solid ${theme.semanticColors.focusBorder}`, outlineOffset: 2 } }
    }
  });
  return (
    <section className={s.panel} aria-label={strings.AckBannerAction} data-testid="acknowledge-panel">
      <h3 className={s.heading}>{strings.AckConfirmHeading}</h3>
      <div>{format(strings.AckBanner, policy.label)}</div>
      {error !== undefined && <ErrorBar error={error} onRetry={() => void acknowledge()} />}
      <button type="button" className={s.button} disabled={saving} onClick={() => void acknowledge()}>
        {saving ? <Spinner size={SpinnerSize.xSmall} label={strings.AckSaving} labelPosition="right" /> : strings.AckButton}
      </button>
    </section>
  );
}
