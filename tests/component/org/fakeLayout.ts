/**
 * jsdom lays nothing out, so every element measures 0 × 0 and react-virtual renders no rows (TOOLCHAIN
 * gotcha 10). Giving elements a size is the documented way to let virtualized lists render in jsdom; it
 * touches only geometry, never the data or the main process. recharts also wants a ResizeObserver.
 */
export function giveElementsASize(width = 1200, height = 900): void {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => width });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 30 });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => width });
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}

/** A DataTransfer stand-in for fireEvent: jsdom has no drag-and-drop, so the test carries the data itself. */
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
