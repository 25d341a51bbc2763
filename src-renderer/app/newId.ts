/**
 * A fresh id for something the renderer names before the main process sees it: a gesture (batch), a role or
 * department the draft creates, a long task (for cancel). Random UUIDs, so two windows, two reloads or two
 * gestures in the same millisecond never collide; the prefix says what it is when it shows up in a log.
 * (`crypto.randomUUID` needs a secure context: the browser host's 127.0.0.1 and Electron's file:// are.)
 */
export function newId(prefix: string, separator: '-' | ':' = '-'): string {
  return `${prefix}${separator}${crypto.randomUUID()}`;
}
