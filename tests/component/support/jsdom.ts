/**
 * What jsdom lacks that the renderer needs (TOOLCHAIN gotcha 10). Import this first in a component test, before
 * any renderer module: the settings store asks matchMedia for the OS colour scheme when it is imported. Only
 * browser plumbing and geometry are stood in for; data and behaviour come from the real main process.
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

/**
 * jsdom lays nothing out, so every element measures 0 × 0 and react-virtual renders nothing. Giving elements a
 * size is the documented way to let virtualized grids render; recharts also wants a ResizeObserver.
 * `itemHeight` is what each measured row reports (the org tables measure rows; the matrix does not).
 */
export function giveElementsASize(width = 2400, height = 1600, itemHeight = height): void {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => width });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => itemHeight });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => width });
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}

/** A DataTransfer stand-in for fireEvent: jsdom has no drag and drop, so the test carries the data itself. */
export function dataTransfer(): DataTransfer {
  const data = new Map<string, string>();
  return {
    get types() {
      return [...data.keys()];
    },
    setData: (type: string, value: string) => void data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
    dropEffect: 'none',
    effectAllowed: 'all',
  } as unknown as DataTransfer;
}
