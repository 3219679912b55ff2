// The loader is evaluated through the DevTools protocol, which lets zod's eval probe pass while
// later calls run under the page's CSP: tell zod not to compile parsers (imported first).
import { z } from 'zod';
z.config({ jitless: true });
