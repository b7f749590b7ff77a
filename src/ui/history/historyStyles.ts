import { mergeStyleSets, type ITheme } from '@fluentui/react/lib/Styling';
import type { ChangeKind } from '../../domain/policy';

// Theme colours only; badges keep a border so they stay visible under forced colours (Windows high
// contrast), where backgrounds are dropped. Rows wrap for the 380px Teams side panel.

const forced = (rules: Record<string, unknown>) => ({ '@media (forced-colors: active)': rules });

export function historyStyles(theme: ITheme) {
  const { semanticColors: s, fonts, palette } = theme;
  const badge = {
    ...fonts.small, fontWeight: 600, padding: '1px 6px', borderRadius: 2, border: `1px solid ${s.bodyDivider}`, whiteSpace: 'nowrap',
    selectors: forced({ border: '1px solid CanvasText' })
  } as const;
  const kindColours: Record<ChangeKind, { background?: string }> = {
    added: { background: s.successBackground },
    removed: { background: s.errorBackground },
    changed: { background: s.warningBackground },
    moved: { background: s.bodyStandoutBackground }
  };
  return mergeStyleSets({
    root: {
      color: s.bodyText, maxWidth: 1100, display: 'grid', gap: 16,
      // Inserted and deleted words: told apart by underline and strike-through first (they survive
      // forced colours and colour blindness), tinted with the theme's success and error backgrounds.
      selectors: {
        ins: { textDecoration: 'underline', textDecorationThickness: 2, background: s.successBackground, color: s.bodyText },
        del: { textDecoration: 'line-through', background: s.errorBackground, color: s.bodyText },
        ...forced({ selectors: { ins: { background: 'Canvas', color: 'CanvasText' }, del: { background: 'Canvas', color: 'CanvasText' } } })
      }
    },
    title: { ...fonts.xLarge, fontWeight: 600, margin: 0 },
    hint: { ...fonts.small, color: s.bodySubtext, margin: 0 },
    list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 },
    row: {
      padding: 12, borderRadius: 4, border: `1px solid ${s.bodyDivider}`, background: s.bodyStandoutBackground, display: 'grid', gap: 6,
      selectors: forced({ border: '1px solid CanvasText' })
    },
    rowSelected: { borderColor: palette.themePrimary, boxShadow: `inset 3px 0 0 ${palette.themePrimary}`, selectors: forced({ border: '2px solid Highlight' }) },
    rowHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: '4px 8px' },
    label: { ...fonts.mediumPlus, fontWeight: 600 },
    meta: { ...fonts.small, color: s.bodySubtext },
    summary: { ...fonts.medium, margin: 0, overflowWrap: 'anywhere' },
    actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 12px' },
    badgeMajor: { ...badge, background: palette.themeLighter, color: palette.themeDarker },
    badgeInForce: { ...badge, background: s.successBackground, color: s.bodyText },
    panel: { display: 'grid', gap: 8, paddingTop: 12, borderTop: `1px solid ${s.bodyDivider}`, outline: 'none' },
    panelBar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 8 },
    panelTitle: { ...fonts.large, fontWeight: 600, margin: 0 },
    groupHeading: { ...fonts.mediumPlus, fontWeight: 600, margin: '12px 0 4px' },
    changes: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 },
    change: { padding: '8px 0', borderTop: `1px solid ${s.bodyDivider}`, display: 'grid', gap: 4 },
    changeHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: 8 },
    changeTitle: { ...fonts.medium, fontWeight: 600, overflowWrap: 'anywhere' },
    text: { ...fonts.medium, margin: 0, lineHeight: '1.45em', overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
    richText: {
      ...fonts.medium, lineHeight: '1.5em', overflowWrap: 'anywhere',
      selectors: { p: { margin: '0 0 8px' }, 'ul, ol': { margin: '0 0 8px', paddingLeft: 20 }, a: { color: s.link } }
    },
    added: { ...badge, ...kindColours.added, color: s.bodyText },
    removed: { ...badge, ...kindColours.removed, color: s.bodyText },
    changed: { ...badge, ...kindColours.changed, color: s.bodyText },
    moved: { ...badge, ...kindColours.moved, color: s.bodyText }
  });
}
