import { createTheme, type ITheme, type IPartialTheme } from '@fluentui/react/lib/Styling';
import type { HostPalette, ThemeName } from '../../app/host';

// Teams' three themes and the SharePoint site theme, as Fluent v8 themes. Colours follow Teams'
// own dark and high-contrast palettes so the tab does not look pasted in.

const DARK: IPartialTheme = {
  isInverted: true,
  palette: {
    themePrimary: '#7f85f5', themeLighterAlt: '#05050a', themeLighter: '#141527', themeLight: '#262849', themeTertiary: '#4c5093',
    themeSecondary: '#7075d8', themeDarkAlt: '#8c91f6', themeDark: '#9da1f7', themeDarker: '#b6b9f9',
    neutralLighterAlt: '#2b2b2b', neutralLighter: '#333333', neutralLight: '#3d3d3d', neutralQuaternaryAlt: '#464646',
    neutralQuaternary: '#4c4c4c', neutralTertiaryAlt: '#6a6a6a', neutralTertiary: '#c8c8c8', neutralSecondary: '#d0d0d0',
    neutralPrimaryAlt: '#dadada', neutralPrimary: '#ffffff', neutralDark: '#f4f4f4', black: '#f8f8f8', white: '#1f1f1f',
    yellowLight: '#f8d22a', green: '#6bb700', red: '#f1707b'
  },
  semanticColors: { bodyStandoutBackground: '#292929', bodyDivider: '#3d3d3d', bodySubtext: '#d0d0d0' }
};

const CONTRAST: IPartialTheme = {
  isInverted: true,
  palette: {
    themePrimary: '#ffff01', themeLighterAlt: '#000000', themeLighter: '#000000', themeLight: '#1a1a00', themeTertiary: '#999900',
    themeSecondary: '#e6e600', themeDarkAlt: '#ffff1a', themeDark: '#ffff40', themeDarker: '#ffff80',
    neutralLighterAlt: '#000000', neutralLighter: '#000000', neutralLight: '#1a1a1a', neutralQuaternaryAlt: '#262626',
    neutralQuaternary: '#333333', neutralTertiaryAlt: '#ffffff', neutralTertiary: '#ffffff', neutralSecondary: '#ffffff',
    neutralPrimaryAlt: '#ffffff', neutralPrimary: '#ffffff', neutralDark: '#ffffff', black: '#000000', white: '#000000',
    yellowLight: '#ffff01', green: '#3ff23f', red: '#ff6e6e'
  },
  semanticColors: { bodyStandoutBackground: '#000000', bodyDivider: '#ffffff', bodySubtext: '#ffffff', link: '#ffff01', linkHovered: '#ffff80', bodyText: '#ffffff', bodyBackground: '#000000' }
};

const LIGHT: IPartialTheme = { palette: { yellowLight: '#fff100', green: '#107c10', red: '#c50f1f' } };

export function themeFor(name: ThemeName, palette?: HostPalette): ITheme {
  if (name === 'dark') return createTheme(DARK);
  if (name === 'contrast') return createTheme(CONTRAST);
  // A SharePoint site theme (or section background) wins over our light defaults.
  const fromSite = palette ? Object.fromEntries(Object.entries(palette).filter(([, v]) => typeof v === 'string')) : {};
  return createTheme({ palette: { ...LIGHT.palette, ...fromSite } });
}
