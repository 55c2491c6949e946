import { z } from 'zod'

// The app's Content-Security-Policy forbids eval. Left to itself, zod probes for it with `new Function` on its first
// parse, and the browser reports that probe as a CSP violation even though zod catches it: jitless skips the probe.
z.config({ jitless: true })

export { z }

/**
 * A schema built the first time something reads it, not when its module loads. Zod 4 gives every schema dozens of
 * methods as it builds it, and the app's schemas cost a throttled phone about 250 ms of main thread before a
 * question page could show, though showing one needs none of them (docs/performance.md). Every top-level schema is
 * declared through this; the proxy stands for the schema in parsing, composition, `instanceof` and its methods (not
 * in identity: the proxy is not the built object, so nothing may key a map by a schema or freeze one).
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined
  const schema = () => (built ??= build())
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(schema(), key),
    set: (_, key, value) => Reflect.set(schema(), key, value),
    has: (_, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), key)
      // A proxy may not report as fixed a property its own (empty) target lacks.
      return descriptor && { ...descriptor, configurable: true }
    },
  })
}
