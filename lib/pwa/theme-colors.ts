/** The page background of each theme (--page-bg in app/globals.css): browser chrome and splash. */
export const THEME_COLORS = { light: '#ffffff', dark: '#0d1117' } as const
