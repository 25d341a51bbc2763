/**
 * Browser APIs jsdom lacks that the renderer reads at import time (the settings store asks matchMedia for
 * the OS colour scheme). Import this first in a component test, before any renderer module.
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
