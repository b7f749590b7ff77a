import { mergeStyleSets, type ITheme } from '@fluentui/react/lib/Styling';

// Colours come from the theme only (SharePoint section colours, Teams dark); borders that carry
// meaning switch to system colours under forced colours (Windows high contrast), and rows wrap so
// the editor works in a 380px Teams side panel.

const forced = (rules: Record<string, unknown>) => ({ '@media (forced-colors: active)': rules });

export function editorStyles(theme: ITheme) {
  const { semanticColors: s, fonts } = theme;
  return mergeStyleSets({
    root: { color: s.bodyText, maxWidth: 960 },
    bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: '8px 16px', margin: '0 0 12px' },
    title: { ...fonts.xLarge, fontWeight: 600, margin: 0 },
    group: { border: 0, padding: 0, margin: '20px 0 0', minWidth: 0 },
    groupHeading: { ...fonts.large, fontWeight: 600, margin: '0 0 4px', padding: 0 },
    hint: { ...fonts.small, color: s.bodySubtext, margin: '0 0 8px' },
    listError: { ...fonts.small, color: s.errorText, margin: '4px 0' },
    rows: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 },
    row: {
      display: 'flex', flexWrap: 'wrap', gap: '4px 8px', padding: 12, borderRadius: 4,
      background: s.bodyStandoutBackground, border: `1px solid ${s.bodyDivider}`,
      selectors: forced({ border: '1px solid CanvasText' })
    },
    rowFields: { flex: '1 1 240px', minWidth: 0, display: 'grid', gap: 8 },
    rowActions: { display: 'flex', alignItems: 'flex-start', gap: 2 },
    addButton: { marginTop: 8 },
    undo: { marginTop: 8 },
    twoColumns: { display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 260px), 1fr))' },
    publish: { display: 'grid', gap: 12, marginTop: 24, paddingTop: 16, borderTop: `1px solid ${s.bodyDivider}`, outline: 'none' },
    // Sticks to the bottom of whatever scrolls the page (SharePoint canvas, Teams tab), opaque so the
    // form scrolling under it never shows through.
    stickyBar: {
      position: 'sticky', bottom: 0, zIndex: 1, display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end', alignItems: 'center', gap: 8,
      marginTop: 16, padding: '8px 0', background: s.bodyBackground, borderTop: `1px solid ${s.bodyDivider}`,
      selectors: forced({ borderTop: '1px solid CanvasText' })
    },
    nextLabel: { ...fonts.medium, fontWeight: 600 },
    actions: { display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' },
    summaryList: { margin: '4px 0 0', paddingLeft: 20 },
    summaryLink: {
      ...fonts.medium, background: 'none', border: 0, padding: 0, cursor: 'pointer', textAlign: 'left',
      color: s.link, textDecoration: 'underline', selectors: { ':focus-visible': { outline: `2px solid ${s.focusBorder}` }, ...forced({ color: 'LinkText' }) }
    },
    report: { display: 'grid', gap: 8, marginTop: 8 },
    failedList: { margin: 0, paddingLeft: 20, ...fonts.medium },
    // Rich text editor
    rte: { display: 'grid', gap: 4 },
    rteLabel: { ...fonts.medium, fontWeight: 600, color: s.bodyText, padding: '5px 0' },
    toolbar: {
      display: 'flex', flexWrap: 'wrap', gap: 2, padding: 2, borderRadius: '2px 2px 0 0',
      border: `1px solid ${s.inputBorder}`, borderBottom: 0, background: s.bodyBackground,
      selectors: forced({ border: '1px solid CanvasText', borderBottom: 0 })
    },
    toolButton: {
      ...fonts.medium, minWidth: 32, height: 32, padding: '0 8px', border: '1px solid transparent', borderRadius: 2, cursor: 'pointer',
      background: 'transparent', color: s.bodyText,
      selectors: {
        ':hover': { background: s.buttonBackgroundHovered },
        ':focus-visible': { outline: `2px solid ${s.focusBorder}`, outlineOffset: -2 },
        ':disabled': { color: s.disabledText, cursor: 'default' },
        ...forced({ border: '1px solid ButtonText', color: 'ButtonText' })
      }
    },
    editable: {
      ...fonts.medium, lineHeight: '1.5em', minHeight: 96, maxHeight: 360, overflowY: 'auto', padding: '6px 8px',
      background: s.inputBackground, color: s.inputText, border: `1px solid ${s.inputBorder}`, borderRadius: '0 0 2px 2px', outline: 'none',
      selectors: {
        ':focus': { borderColor: s.inputFocusBorderAlt, boxShadow: `inset 0 0 0 1px ${s.inputFocusBorderAlt}` },
        p: { margin: '0 0 8px' }, 'ul, ol': { margin: '0 0 8px', paddingLeft: 20 }, a: { color: s.link },
        ...forced({ border: '1px solid CanvasText' })
      }
    },
    editableInvalid: { borderColor: s.errorText },
    editableDisabled: { background: s.disabledBackground, color: s.disabledText },
    linkForm: { display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-end', padding: 8, border: `1px solid ${s.inputBorder}`, borderTop: 0 },
    fieldError: { ...fonts.small, color: s.errorText, margin: 0, paddingTop: 5 }
  });
}

export type EditorStyles = ReturnType<typeof editorStyles>;
