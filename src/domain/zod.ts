import { z } from 'zod'

// The app's Content-Security-Policy forbids eval. Left to itself, zod probes for it with `new Function` on its first
// parse, and the browser reports that probe as a CSP violation even though zod catches it: jitless skips the probe.
z.config({ jitless: true })

export { z }
