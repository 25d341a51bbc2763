/**
 * The scope palette for charts, which need colour values rather than classes. Mirrors `.hm-s0 … .hm-s5` in
 * scopePalette.css (ColorBrewer YlGnBu): change both together.
 */
export const SCOPE_COLOURS = ['#bdbdbd', '#edf8b1', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;
