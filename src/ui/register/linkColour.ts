import type { ITheme } from '@fluentui/react/lib/Styling';

// Fluent's light link colour (#0078d4) falls short of 4.5:1 on the Teams personal app's grey
// (#f5f5f5); the theme's darker shade keeps the hue and passes on white and grey alike. Dark and
// high-contrast themes already give a link colour made for their backgrounds.
export function linkColour(theme: ITheme): string {
  return theme.isInverted ? theme.semanticColors.link : theme.palette.themeDarkAlt;
}
