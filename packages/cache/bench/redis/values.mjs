// The value every contender stores: a small user record (about 120 bytes of JSON), the same object
// shape the example caches.

/**
 * @param {string} key - the key it is stored under
 * @returns {{ id: string, name: string, email: string, roles: string[], active: boolean }} a user
 */
export function userFor(key) {
  return {
    id: key,
    name: `User ${key}`,
    email: `${key.replaceAll(":", ".")}@example.com`,
    roles: ["reader", "writer"],
    active: true,
  };
}
