/**
 * jsdom has no matchMedia, which the settings store reads when it is imported (for the system theme and
 * language). Import this before anything from the renderer. Only this browser API is stood in for; the data and
 * behaviour come from the real main process.
 */
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener() {},
    removeEventListener() {},
    addListener() {},
    removeListener() {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
}
export {};
