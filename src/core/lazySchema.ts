// Schemas built on first use rather than when their module loads. Building a zod schema costs time (about two
// thirds of evaluating the extension's start code, measured with a Node stand-in of the host), and the start parses
// nothing: each schema is built the first time anything reads it, then kept.

/**
 * A stand-in for the schema `build` makes, which builds it on its first use and forwards everything to it: callers
 * (and schemas that embed it) use it as the schema itself, `safeParse`, `z.infer` and `instanceof` included.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let schema: T | undefined;
  const built = () => (schema ??= build());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(built(), key),
    set: (_, key, value) => Reflect.set(built(), key, value),
    has: (_, key) => Reflect.has(built(), key),
    ownKeys: () => Reflect.ownKeys(built()),
    // Reported as configurable: the stand-in's own (empty) target has none of these properties.
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(built(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(built()),
  });
}
