import * as React from 'react';
import { mergeStyleSets, type ITheme } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';

// A status line for the first paint. Fluent's MessageBar pulls in Button and, through it,
// ContextualMenu (~20 KB gzip), which alone would break the 90 KB initial-script budget; this
// keeps the same look and semantics (role=alert/status, an optional action) with theme colours.

export type NoticeKind = 'info' | 'success' | 'warning' | 'error';

function styles(theme: ITheme, kind: NoticeKind) {
  const s = theme.semanticColors;
  const background = { info: s.infoBackground, success: s.successBackground, warning: s.warningBackground, error: s.errorBackground }[kind];
  const accent = { info: s.infoIcon, success: s.successIcon, warning: s.warningIcon, error: s.errorIcon }[kind];
  return mergeStyleSets({
    root: {
      display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px 16px', padding: '8px 12px', margin: '8px 0',
      background, color: s.messageText ?? s.bodyText, borderLeft: `4px solid ${accent}`, ...theme.fonts.medium,
      selectors: { '@media (forced-colors: active)': { border: '1px solid CanvasText' } }
    },
    text: { flex: '1 1 240px', lineHeight: '1.4em' },
    action: {
      ...theme.fonts.medium, fontWeight: 600, padding: '4px 16px', minHeight: 32, borderRadius: 2, cursor: 'pointer',
      background: s.buttonBackground, color: s.buttonText, border: `1px solid ${s.buttonBorder}`,
      selectors: { ':hover': { background: s.buttonBackgroundHovered }, ':focus-visible': { outline: `2px solid ${s.focusBorder}`, outlineOffset: 1 } }
    }
  });
}

export interface NoticeProps {
  kind: NoticeKind;
  /**
   * Announce it at once (role=alert)? Yes for errors that just happened; no for standing banners,
   * which would otherwise be read out again on every view.
   */
  urgent?: boolean;
  children: React.ReactNode;
  action?: { label: string; onClick: () => void };
}

export function Notice({ kind, children, action, urgent = kind === 'error' }: NoticeProps): React.ReactElement {
  const s = styles(useTheme(), kind);
  return (
    <div className={s.root} role={urgent ? 'alert' : 'status'} data-notice={kind}>
      <div className={s.text}>{children}</div>
      {action && <button type="button" className={s.action} onClick={action.onClick}>{action.label}</button>}
    </div>
  );
}
