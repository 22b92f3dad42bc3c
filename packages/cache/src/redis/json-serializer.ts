/**
 * The default serializer of the Redis tier: JSON text that gives back exactly what was stored.
 *
 * Plain `JSON.stringify` changes some values without a word: `undefined` disappears (or turns into
 * `null` in an array), a `Date` comes back as a string, `NaN` and `Infinity` as `null`, `-0` as `0`.
 * Here each such leaf is written as `null` in place and listed in a side table of patches, so the
 * text is still JSON and plain values cost nothing extra: `[value]`, or `[value, patches]` when a
 * patch is needed, each patch `[tag, ...path]`. Values JSON cannot represent at all (bigint, symbol,
 * function, `Map`, `Set`, class instances, objects with a `toJSON`, cycles) are refused with a
 * `TypeError` that names the path, rather than stored as something else. An object with a null
 * prototype is accepted and reads back as a plain object (JSON has no prototypes).
 */

/**
 * Turns values into the strings stored in Redis and back. `deserialize` may throw on text it did
 * not write (a corrupt or foreign value); the cache then reads it as a miss and reports it.
 *
 * @typeParam V - the value type
 */
export interface Serializer<V> {
  /**
   * Encodes a value for Redis. Throw a `TypeError` for a value you cannot encode faithfully: the
   * cache call that stored it rejects with that error and nothing is stored.
   *
   * @param value - the value to encode
   * @returns the text stored in Redis
   */
  serialize(value: V): string;
  /**
   * Decodes text written by {@link Serializer.serialize}, in this process or another.
   *
   * @param text - the stored text
   * @returns the value
   */
  deserialize(text: string): V;
}

type Segment = string | number;
type Tag = "u" | "d" | "n" | "i" | "-i" | "-0";
type Patch = [Tag, ...Segment[]];

/** The patches found so far, and the path of every object JSON is descending into. */
interface EncodeState {
  readonly patches: Patch[];
  readonly paths: Map<object, Segment[]>;
}

const OWNER = "jsonSerializer";

/**
 * Returns the default serializer: JSON text in which `undefined`, `Date`, `NaN`, `±Infinity` and
 * `-0` round-trip exactly, anywhere in the value, and anything else JSON would alter is refused.
 *
 * @returns the serializer, typed for the cache's values
 * @typeParam V - the value type of the cache that uses it
 * @example
 * ```ts
 * const json = jsonSerializer<{ at: Date; note?: string }>();
 * json.deserialize(json.serialize({ at: new Date(0), note: undefined })); // { at: Date(0), note: undefined }
 * json.serialize({ tags: new Set(["a"]) } as never); // TypeError: … `tags` is a Set …
 * ```
 */
export function jsonSerializer<V = unknown>(): Serializer<V> {
  return JSON_SERIALIZER as Serializer<V>;
}

const JSON_SERIALIZER: Serializer<unknown> = { serialize, deserialize };

function serialize(value: unknown): string {
  const state: EncodeState = { patches: [], paths: new Map() };
  let atRoot = true;
  function replacer(this: unknown, key: string, converted: unknown): unknown {
    const holder = this as Record<string, unknown>;
    const parent = state.paths.get(holder) ?? [];
    const path = atRoot ? [] : [...parent, Array.isArray(holder) ? +key : key];
    atRoot = false;
    return encodeLeaf(holder[key], converted, path, state);
  }
  let body: string;
  try {
    // A string: the replacer turns a top-level undefined into null.
    body = JSON.stringify(value, replacer);
  } catch (error) {
    if (error instanceof TypeError && /circular/i.test(error.message)) {
      throw new TypeError(`${OWNER}: cannot store a value that contains itself (a cycle).`, {
        cause: error,
      });
    }
    throw error;
  }
  const { patches } = state;
  return patches.length === 0 ? `[${body}]` : `[${body},${JSON.stringify(patches)}]`;
}

/** What JSON should write for one value, recording a patch when JSON would change it. */
function encodeLeaf(
  raw: unknown,
  converted: unknown,
  path: Segment[],
  state: EncodeState,
): unknown {
  switch (typeof raw) {
    case "undefined":
      state.patches.push(["u", ...path]);
      return null;
    case "number":
      return encodeNumber(raw, path, state.patches);
    case "string":
    case "boolean":
      return raw;
    case "object":
      return raw === null ? null : encodeObject(raw, converted, path, state);
    default:
      throw unsupported(path, `a ${typeof raw}`);
  }
}

function encodeNumber(raw: number, path: Segment[], patches: Patch[]): number | null {
  if (Number.isFinite(raw) && !Object.is(raw, -0)) return raw;
  const tag: Tag = Number.isNaN(raw)
    ? "n"
    : raw === Infinity
      ? "i"
      : raw === -Infinity
        ? "-i"
        : "-0";
  patches.push([tag, ...path]);
  return null;
}

function encodeObject(
  raw: object,
  converted: unknown,
  path: Segment[],
  state: EncodeState,
): unknown {
  if (raw instanceof Date) {
    state.patches.push(["d", ...path]);
    const time = raw.getTime();
    return Number.isNaN(time) ? null : time;
  }
  const prototype: unknown = Object.getPrototypeOf(raw);
  if (!Array.isArray(raw) && prototype !== Object.prototype && prototype !== null) {
    const name = (raw.constructor as { name?: unknown } | undefined)?.name;
    throw unsupported(
      path,
      typeof name === "string" && name !== "" ? `a ${name}` : "a class instance",
    );
  }
  if (converted !== raw) throw unsupported(path, "an object with a toJSON method");
  state.paths.set(raw, path);
  return raw;
}

function unsupported(path: Segment[], what: string): TypeError {
  const where = path.length === 0 ? "the value" : `\`${path.join(".")}\``;
  return new TypeError(
    `${OWNER}: ${where} is ${what}, which JSON cannot store faithfully; store plain objects, arrays, strings, numbers, booleans, null, undefined and Dates, or pass a \`serializer\` that handles it.`,
  );
}

function deserialize(text: string): unknown {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed) || parsed.length < 1 || parsed.length > 2) throw foreign();
  let value: unknown = parsed[0];
  if (parsed.length === 2) {
    const patches: unknown = parsed[1];
    if (!Array.isArray(patches)) throw foreign();
    for (const patch of patches) value = applyPatch(value, patch);
  }
  return value;
}

function applyPatch(root: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch) || patch.length === 0) throw foreign();
  const [tag, ...path] = patch as unknown[];
  if (path.length === 0) return decodeLeaf(tag, root);
  let parent = root;
  for (const segment of path.slice(0, -1)) parent = ownChild(parent, segment);
  const last = path.at(-1);
  const placeholder = ownChild(parent, last);
  Object.defineProperty(parent, last as Segment, {
    value: decodeLeaf(tag, placeholder),
    writable: true,
    enumerable: true,
    configurable: true,
  });
  return root;
}

/** Steps into an own property only, so a corrupt path can never reach a prototype. */
function ownChild(parent: unknown, segment: unknown): unknown {
  const isKey = typeof segment === "string" || typeof segment === "number";
  if (
    typeof parent !== "object" ||
    parent === null ||
    !isKey ||
    !Object.hasOwn(parent, segment)
  ) {
    throw foreign();
  }
  return (parent as Record<Segment, unknown>)[segment];
}

function decodeLeaf(tag: unknown, placeholder: unknown): unknown {
  switch (tag) {
    case "u":
      return undefined;
    case "d":
      if (placeholder !== null && typeof placeholder !== "number") throw foreign();
      return new Date(placeholder ?? Number.NaN);
    case "n":
      return Number.NaN;
    case "i":
      return Infinity;
    case "-i":
      return -Infinity;
    case "-0":
      return -0;
    default:
      throw foreign();
  }
}

function foreign(): TypeError {
  return new TypeError(`${OWNER}: the stored text was not written by jsonSerializer.`);
}
