const CSP_META = /<meta\b[^>]*\bhttp-equiv\s*=\s*["']?Content-Security-Policy["']?[^>]*>/gi;

/**
 * The built page carries the desktop app's policy in its meta tag (no connections at all). Served by the host it
 * must reach the host's WebSocket, and a meta policy applies on top of the header's, so the host writes its own
 * policy into the tag. A page without the tag is left as it is: the header alone governs it.
 */
export function withPagePolicy(html: string, policy: string): string {
  return html.replace(CSP_META, `<meta http-equiv="Content-Security-Policy" content="${policy.replaceAll('"', '')}" />`);
}
