import { z } from 'zod';

// zod compiles object parsers with `new Function` when it may; the page's CSP forbids eval (script-src 'self'),
// so zod's probe only produced a CSP violation report before falling back. Say so up front: no probe, no report.
// Imported first by main.tsx, before any schema is used.
z.config({ jitless: true });
