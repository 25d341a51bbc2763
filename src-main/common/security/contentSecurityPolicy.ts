/**
 * The renderer's Content Security Policy, for both ways the console is shown. One page, two transports:
 * - Electron loads `index.html` from file:// and talks to the main process over IPC only, so it may connect
 *   nowhere (`connect-src 'none'`). The policy sits in the page's meta tag (file:// responses carry no headers).
 * - The browser host serves the same page over http://127.0.0.1 and talks over its WebSocket, so it may connect
 *   to that socket and nothing else; the host sends this policy as a header and writes it into the meta tag
 *   (a meta policy and a header policy both apply, so the meta tag must not forbid the socket).
 *
 * Styles come from the bundled CSS file only: no `'unsafe-inline'`, no hashes. The `style={{…}}` props of React,
 * @tanstack/react-virtual and recharts do not need an exception: React sets them through the CSSOM
 * (`element.style.setProperty`), which CSP does not govern; only style attributes in markup and `<style>`
 * elements are blocked, and the app creates neither (checked in Chromium by tests/e2e/csp.spec.ts).
 */
type Directives = Record<string, readonly string[]>;

const RENDERER_DIRECTIVES: Directives = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

function serialise(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** The desktop app's policy: the meta tag of `src-renderer/index.html` holds exactly this. */
export const ELECTRON_CSP = serialise({ ...RENDERER_DIRECTIVES, 'connect-src': ["'none'"] });

/** The browser host's policy: its own WebSocket only, and never framed (frame-ancestors works only as a header). */
export function browserHostCsp(port: number): string {
  return serialise({
    ...RENDERER_DIRECTIVES,
    'connect-src': [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`],
    'frame-ancestors': ["'none'"],
  });
}

/** A policy as directive → sources, for tests and checks. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}
