import * as React from 'react';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';

// The app's top navigation. Fluent's Pivot renders CommandButtons, which bring ContextualMenu into
// the first bundle; this is the same WAI-ARIA tab pattern with Pivot's look, for a fraction of the
// bytes. Activation is manual (arrow keys move focus, Enter/Space select) so passing over a tab does
// not load its view.

export const tabId = (key: string): string => `smh-tab-${key}`;
export const PANEL_ID = 'smh-tabpanel';

export interface Tab<K extends string> {
  key: K;
  label: string;
}

export function TabBar<K extends string>({ tabs, selected, onSelect, label }: { tabs: Tab<K>[]; selected: K; onSelect: (k: K) => void; label: string }): React.ReactElement {
  const theme = useTheme();
  const s = mergeStyleSets({
    bar: { display: 'flex', flexWrap: 'wrap', gap: 4, borderBottom: `1px solid ${theme.semanticColors.bodyDivider}` },
    tab: {
      ...theme.fonts.medium, background: 'transparent', border: 0, color: theme.semanticColors.bodyText, cursor: 'pointer',
      padding: '8px 10px', margin: 0, position: 'relative', minHeight: 40,
      selectors: {
        ':hover': { background: theme.semanticColors.buttonBackgroundHovered },
        ':focus-visible': { outline: `2px solid ${theme.semanticColors.focusBorder}`, outlineOffset: -2 },
        '&[aria-selected="true"]': { fontWeight: 600 },
        // A border rather than a background: forced-colours mode keeps borders (in a system colour).
        '&[aria-selected="true"]::after': { content: '""', position: 'absolute', left: 8, right: 8, bottom: 0, borderBottom: `2px solid ${theme.palette.themePrimary}` }
      }
    }
  });
  const refs = React.useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: React.KeyboardEvent, i: number): void => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = (i + step + tabs.length) % tabs.length;
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={s.bar}>
      {tabs.map((t, i) => (
        <button
          key={t.key} id={tabId(t.key)} aria-controls={PANEL_ID} ref={(el) => { refs.current[i] = el; }} type="button" role="tab" className={s.tab}
          aria-selected={t.key === selected} tabIndex={t.key === selected ? 0 : -1}
          onClick={() => onSelect(t.key)} onKeyDown={(e) => onKey(e, i)} data-tab={t.key}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
