import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// Deep red of party documents. Shade 8 (#a11a1a) is the primary: 7.8:1 against white.
const partyRed: MantineColorsTuple = [
  '#fff0f0',
  '#fbdcdc',
  '#f3b3b3',
  '#ec8787',
  '#e46262',
  '#df4949',
  '#d03434',
  '#b72424',
  '#a11a1a',
  '#8a1010',
];

// System fonts only (no downloads); all of them carry complete Vietnamese diacritics.
const systemFonts =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

export const theme = createTheme({
  colors: { partyRed },
  primaryColor: 'partyRed',
  primaryShade: { light: 8, dark: 6 },
  fontFamily: systemFonts,
  headings: { fontFamily: systemFonts, fontWeight: '700' },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  autoContrast: true,
});

/**
 * Darker grey for secondary text and placeholders, darker red for field errors, so that small
 * text keeps ≥ 4.5:1 contrast on white (Mantine's defaults are about 3.5:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-placeholder': '#6c757d',
    '--mantine-color-error': '#b02525',
  },
  dark: {},
});
