/**
 * The colours script needs (canvas, modals, the tab bar), by their names in tokens.scss, which
 * stays the one place a colour is chosen; palette.test.ts holds the two to the same values.
 */
export const palette = {
  brand: '#1f7a5c',
  text: '#1d2521',
  ink: '#000000',
  text2: '#5b6661',
  text3: '#97a29d',
  elderText2: '#39423e',
  elderText3: '#5b6661',
  line: '#eceeed',
  bg: '#f4f6f5',
  danger: '#d4483b',
  warn: '#c77c12',
  surface: '#ffffff',
  chartBlue: '#3b82c4',
  chartViolet: '#8a5cc2',
} as const
