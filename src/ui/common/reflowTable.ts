import { mergeStyleSets, type ITheme } from '@fluentui/react/lib/Styling';

// Tables in the product views reflow instead of scrolling sideways: at a narrow width (a Teams
// personal app on a phone, 380 px) each row becomes a card and each cell shows its column's name
// from its data-label, so the first column (who) and the last (whether they confirmed) are read
// together rather than one of them being scrolled out of sight (WCAG 1.4.10 Reflow).

/** Below this width a row is a card. Chosen so four short columns still fit side by side above it. */
export const REFLOW_BELOW_PX = 600;

// merge-styles puts a media query around a rule only where the query sits inside that rule's own
// selectors; a selector nested inside a media query would apply at every width.
const NARROW = `@media (max-width: ${REFLOW_BELOW_PX - 0.02}px)`;
const whenNarrow = (style: Record<string, unknown>) => ({ selectors: { [NARROW]: style } });

export function reflowTableClass(theme: ITheme): string {
  const divider = theme.semanticColors.bodyDivider;
  return mergeStyleSets({
    table: {
      borderCollapse: 'collapse', width: '100%', ...theme.fonts.medium,
      selectors: {
        'th, td': { textAlign: 'left', padding: '6px 8px', borderBottom: `1px solid ${divider}`, verticalAlign: 'top' },
        th: { fontWeight: 600 },
        [NARROW]: { display: 'block' },
        '& tbody': whenNarrow({ display: 'block' }),
        // The header row stays for screen readers (the table keeps its roles) but is not drawn.
        '& thead': whenNarrow({ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' }),
        '& tr': whenNarrow({ display: 'block', border: `1px solid ${divider}`, borderRadius: 4, padding: '4px 12px', marginBottom: 8 }),
        // Labels keep whole words (a column name is never split); long values (an e-mail) may break.
        '& td': whenNarrow({ display: 'grid', gridTemplateColumns: 'minmax(7.5em, 35%) minmax(0, 1fr)', columnGap: 8, border: 'none', padding: '4px 0' }),
        '& td > *': whenNarrow({ overflowWrap: 'anywhere' }),
        '& td::before': whenNarrow({ content: 'attr(data-label)', fontWeight: 600 })
      }
    }
  }).table;
}
