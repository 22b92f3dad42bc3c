// Installs the git hooks for developers; a no-op in CI and production installs, where nobody commits.
if (process.env.CI === "true" || process.env.NODE_ENV === "production") {
  process.exit(0);
}
const { default: husky } = await import("husky");
const message = husky();
if (message) console.log(message);
