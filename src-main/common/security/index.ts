/** The console's Content Security Policy: one set of directives for the Electron window and the browser host. */
export { ELECTRON_CSP, browserHostCsp, parseCsp } from './contentSecurityPolicy';
