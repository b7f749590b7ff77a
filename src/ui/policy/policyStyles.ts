import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import type { ITheme } from '@fluentui/react/lib/Styling';

// Styles from the theme, so SharePoint section colours and Teams dark/high-contrast all follow.
export function policyStyles(theme: ITheme) {
  const { palette, semanticColors, fonts } = theme;
  return mergeStyleSets({
    root: { color: semanticColors.bodyText, maxWidth: 1100 },
    header: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: '4px 16px', marginBottom: 12 },
    title: { ...fonts.xLarge, fontWeight: 600, margin: 0 },
    meta: { ...fonts.small, color: semanticColors.bodySubtext },
    search: { maxWidth: 480, margin: '8px 0 16px' },
    sections: { display: 'grid', gap: 16, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 400px), 1fr))', marginBottom: 20 },
    section: { padding: 16, borderRadius: 4, background: semanticColors.bodyStandoutBackground, border: `1px solid ${semanticColors.bodyDivider}` },
    sectionHeading: { ...fonts.mediumPlus, fontWeight: 600, margin: '0 0 8px' },
    body: { ...fonts.medium, lineHeight: '1.5em', selectors: { p: { margin: '0 0 8px' }, 'ul, ol': { margin: '0 0 8px', paddingLeft: 20 }, a: { color: semanticColors.link } } },
    columns: { display: 'grid', gap: 20, gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))' },
    column: { minWidth: 0 },
    columnHeading: { ...fonts.large, fontWeight: 600, display: 'flex', alignItems: 'center', gap: 8, margin: '0 0 8px' },
    badgeDo: { width: 12, height: 12, borderRadius: 6, background: palette.green, display: 'inline-block', border: `1px solid ${semanticColors.bodyText}` },
    badgeDont: { width: 12, height: 12, borderRadius: 2, background: palette.red, display: 'inline-block', border: `1px solid ${semanticColors.bodyText}` },
    list: { listStyle: 'none', padding: 0, margin: 0 },
    item: { padding: '10px 0', borderTop: `1px solid ${semanticColors.bodyDivider}` },
    itemTitle: { ...fonts.medium, fontWeight: 600, display: 'block' },
    itemDetail: { ...fonts.medium, lineHeight: '1.45em', color: semanticColors.bodyText },
    links: { marginTop: 20, padding: 0, listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: '8px 20px' },
    footer: { ...fonts.small, marginTop: 16, color: semanticColors.bodySubtext },
    // "Changed" is said in words and by a border, never by colour alone; it reads in every theme.
    changed: { borderLeft: `4px solid ${palette.themePrimary}`, selectors: { '@media (forced-colors: active)': { borderLeftColor: 'Highlight' } } },
    changedItem: { paddingLeft: 8 },
    changedMark: {
      ...fonts.small, fontWeight: 600, display: 'inline-block', marginBottom: 4, padding: '0 6px', borderRadius: 2, lineHeight: '18px',
      color: semanticColors.bodyText, background: semanticColors.warningBackground, border: `1px solid ${semanticColors.bodyText}`,
      selectors: { '@media (forced-colors: active)': { border: '1px solid CanvasText' } }
    },
    mark: { selectors: { mark: { background: palette.yellowLight, color: palette.black, padding: '0 1px' } } }
  });
}
