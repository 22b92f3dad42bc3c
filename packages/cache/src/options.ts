/**
 * Validation shared by the caches' constructors and per-call options. Every check names the option
 * and what it expects, and runs before anything changes, so bad input leaves a cache untouched.
 */

/**
 * Asserts that `value` is a plain options object (or `undefined`) whose keys are all known, so a
 * misspelt option such as `tll` fails loudly instead of silently falling back to a default.
 *
 * @param owner - the API that received the options, used in the message (`"TtlCache"`)
 * @param value - what the caller passed
 * @param known - the option names the API accepts
 * @throws TypeError when `value` is not an object, or has a key outside `known`
 * @internal
 */
export function assertKnownOptions(
  owner: string,
  value: unknown,
  known: readonly string[],
): void {
  if (value === undefined) return;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`${owner}: options must be an object; received ${describe(value)}.`);
  }
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new TypeError(
        `${owner}: unknown option \`${key}\`; expected one of ${known.map((k) => `\`${k}\``).join(", ")}.`,
      );
    }
  }
}

/**
 * Checks a duration in milliseconds: a non-negative number, `Infinity` allowed.
 *
 * @param owner - the API that received it, used in the message
 * @param name - the option's name, used in the message
 * @param value - what the caller passed
 * @returns the duration, unchanged
 * @throws TypeError when `value` is not a number; RangeError when it is NaN or negative
 * @internal
 */
export function checkDuration(owner: string, name: string, value: unknown): number {
  if (typeof value !== "number") {
    throw new TypeError(
      `${owner}: option \`${name}\` must be a number of milliseconds; received ${describe(value)}.`,
    );
  }
  if (Number.isNaN(value) || value < 0) {
    throw new RangeError(
      `${owner}: option \`${name}\` must be a non-negative number of milliseconds or Infinity; received ${String(value)}.`,
    );
  }
  return value;
}

/**
 * Checks a count that must be a whole number of at least `min`, `Infinity` allowed.
 *
 * @param owner - the API that received it, used in the message
 * @param name - the option's name, used in the message
 * @param value - what the caller passed
 * @param min - the smallest allowed value
 * @returns the count, unchanged
 * @throws TypeError when `value` is not a number; RangeError when it is not a whole number `>= min`
 * @internal
 */
export function checkCount(owner: string, name: string, value: unknown, min: number): number {
  if (typeof value !== "number") {
    throw new TypeError(
      `${owner}: option \`${name}\` must be a number; received ${describe(value)}.`,
    );
  }
  if (value !== Infinity && (!Number.isInteger(value) || value < min)) {
    throw new RangeError(
      `${owner}: option \`${name}\` must be a whole number from ${min} up (or Infinity); received ${String(value)}.`,
    );
  }
  return value;
}

/**
 * Checks that an option is a function.
 *
 * @param owner - the API that received it, used in the message
 * @param name - the option's name, used in the message
 * @param value - what the caller passed
 * @throws TypeError when `value` is not a function
 * @internal
 */
export function checkFunction(owner: string, name: string, value: unknown): void {
  if (typeof value !== "function") {
    throw new TypeError(
      `${owner}: option \`${name}\` must be a function; received ${describe(value)}.`,
    );
  }
}

/**
 * Checks a clock: a function that, called with no receiver, returns a finite number. It is called
 * once here, so a detached method such as `performance.now` fails at construction, not on first use.
 *
 * @param owner - the API that received it, used in the message
 * @param value - what the caller passed as `now`
 * @returns the clock, unchanged
 * @throws TypeError when `value` is not a function, throws when called, or returns a non-finite value
 * @internal
 */
export function checkClock(owner: string, value: unknown): () => number {
  checkFunction(owner, "now", value);
  const now = value as () => unknown;
  let reading: unknown;
  try {
    reading = now();
  } catch (error) {
    throw new TypeError(
      `${owner}: option \`now\` threw when called without a receiver; pass an arrow function such as \`() => performance.now()\`.`,
      { cause: error },
    );
  }
  if (typeof reading !== "number" || !Number.isFinite(reading)) {
    throw new TypeError(
      `${owner}: option \`now\` must return a finite number of milliseconds; returned ${describe(reading)}.`,
    );
  }
  return now as () => number;
}

/**
 * Checks a boolean option (a flag): `true` or `false`, nothing truthy or falsy in their place.
 *
 * @param owner - the API that received it, used in the message
 * @param name - the option's name, used in the message
 * @param value - what the caller passed
 * @returns the flag, unchanged
 * @throws TypeError when `value` is not a boolean
 * @internal
 */
export function checkBoolean(owner: string, name: string, value: unknown): boolean {
  if (typeof value !== "boolean") {
    throw new TypeError(
      `${owner}: option \`${name}\` must be true or false; received ${describe(value)}.`,
    );
  }
  return value;
}

/**
 * Checks an option that must be one of a few strings.
 *
 * @param owner - the API that received it, used in the message
 * @param name - the option's name, used in the message
 * @param value - what the caller passed
 * @param choices - the accepted values
 * @returns the value, narrowed to the choices
 * @throws TypeError when `value` is not one of `choices`
 * @internal
 */
export function checkChoice<T extends string>(
  owner: string,
  name: string,
  value: unknown,
  choices: readonly T[],
): T {
  if (!choices.includes(value as T)) {
    const expected = choices.map((choice) => JSON.stringify(choice)).join(" or ");
    throw new TypeError(
      `${owner}: option \`${name}\` must be ${expected}; received ${describe(value)}.`,
    );
  }
  return value as T;
}

/**
 * Checks a non-empty string option.
 *
 * @param owner - the API that received it, used in the message
 * @param name - the option's name, used in the message
 * @param value - what the caller passed
 * @returns the string, unchanged
 * @throws TypeError when `value` is not a non-empty string
 * @internal
 */
export function checkName(owner: string, name: string, value: unknown): string {
  if (typeof value !== "string" || value === "") {
    throw new TypeError(
      `${owner}: option \`${name}\` must be a non-empty string; received ${describe(value)}.`,
    );
  }
  return value;
}

function describe(value: unknown): string {
  switch (typeof value) {
    case "string":
      return `the string ${JSON.stringify(value)}`;
    case "object":
      if (value === null) return "null";
      return Array.isArray(value) ? "an array" : "an object";
    case "function":
      return "a function";
    case "symbol":
      return value.toString();
    default:
      return `${typeof value} ${String(value)}`;
  }
}
