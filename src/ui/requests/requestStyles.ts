import { mergeStyleSets, type ITheme } from '@fluentui/react/lib/Styling';

// Styles of the requests views: theme colours only, so Teams dark and high contrast follow.

export function requestStyles(theme: ITheme) {
  const s = theme.semanticColors;
  const fonts = theme.fonts;
  const linkLike = {
    ...fonts.medium, background: 'none', border: 0, padding: 0, cursor: 'pointer', textAlign: 'left' as const,
    // The theme's hover shade: its plain link blue falls just short of 4.5:1 on the Teams personal app's grey.
    color: s.linkHovered, textDecoration: 'underline',
    selectors: { ':hover': { color: s.link }, ':focus-visible': { outline: `2px solid ${s.focusBorder}` }, '@media (forced-colors: active)': { color: 'LinkText' } }
  };
  return mergeStyleSets({
    root: { maxWidth: 820, color: s.bodyText },
    heading: { ...fonts.xLarge, margin: '4px 0 12px' },
    subHeading: { ...fonts.large, fontWeight: 600, margin: '16px 0 8px' },
    // Focus is put on the request's heading when it opens (so a screen reader starts there); no ring for that.
    titleHeading: { ...fonts.xLarge, fontWeight: 600, margin: '12px 0 4px', overflowWrap: 'anywhere', selectors: { ':focus': { outline: 'none' } } },
    switcher: { display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 },
    // Plain buttons rather than Fluent's toggle, whose checked colours are unreadable in high contrast.
    switch: {
      ...fonts.medium, minHeight: 32, padding: '4px 16px', borderRadius: 2, cursor: 'pointer', background: s.buttonBackground, color: s.buttonText,
      border: `1px solid ${s.buttonBorder}`,
      selectors: {
        ':hover': { background: s.buttonBackgroundHovered },
        ':focus-visible': { outline: `2px solid ${s.focusBorder}`, outlineOffset: 1 },
        '&[aria-pressed="true"]': { fontWeight: 600, borderBottom: `3px solid ${theme.palette.themePrimary}` }
      }
    },
    form: { display: 'grid', gap: 4 },
    section: { border: 0, borderTop: `1px solid ${s.bodyDivider}`, padding: '8px 0 4px', margin: '8px 0 0', minWidth: 0, display: 'grid', gap: 8 },
    legend: { ...fonts.large, fontWeight: 600, padding: '0 8px 0 0' },
    narrowField: { maxWidth: 320 },
    note: { ...fonts.small, color: s.bodySubtext, margin: '8px 0' },
    actions: { display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginTop: 8 },
    summary: { outline: 'none', selectors: { ':focus-visible': { outline: `2px solid ${s.focusBorder}` } } },
    summaryList: { margin: '4px 0 0', paddingLeft: 20 },
    // Inside the error notice the theme's link blue falls short of 4.5:1 on its pink: the notice's own text colour, underlined and bold.
    summaryLink: { ...linkLike, color: 'inherit', fontWeight: 600 },
    link: linkLike,
    history: { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 8 },
    historyItem: { borderLeft: `3px solid ${s.bodyDivider}`, padding: '2px 0 2px 10px' },
    meta: { ...fonts.small, color: s.bodySubtext },
    quote: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '4px 0 0' },
    details: { display: 'grid', gridTemplateColumns: 'minmax(10em, 30%) minmax(0, 1fr)', gap: '4px 12px', margin: 0,
      selectors: { '@media (max-width: 599.98px)': { gridTemplateColumns: 'minmax(0, 1fr)' }, dd: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }, dt: { fontWeight: 600 } } }
  });
}
