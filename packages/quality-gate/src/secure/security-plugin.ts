/**
 * An ESLint plugin with the dangerous sinks that ESLint's core rules (`no-eval`, `no-new-func`,
 * `no-implied-eval`) do not cover: shell commands built at run time, and code compiled with `vm`.
 */
import type { ESLint, Rule } from "eslint";

/** ESTree types, read off ESLint's own listener types (the `estree` package is not a dependency). */
type CallNode = Parameters<NonNullable<Rule.RuleListener["CallExpression"]>>[0];
type Argument = CallNode["arguments"][number];
type Callee = CallNode["callee"];

const CHILD_PROCESS = new Set(["child_process", "node:child_process"]);
const VM = new Set(["vm", "node:vm"]);
const SHELL_RUNNERS = new Set(["exec", "execSync"]);
const CODE_RUNNERS = new Set([
  "runInNewContext",
  "runInThisContext",
  "runInContext",
  "compileFunction",
  "Script",
]);

/**
 * Tells whether an argument is code fixed at write time: a string literal, or a template literal
 * with nothing interpolated.
 *
 * @param argument - the call's first argument
 * @returns `true` for a static string
 * @example
 * ```ts
 * isStaticString(call.arguments[0]); // false for `ls ${dir}`
 * ```
 */
export function isStaticString(argument: Argument | undefined): boolean {
  if (argument === undefined) return true;
  if (argument.type === "Literal") return typeof argument.value === "string";
  return argument.type === "TemplateLiteral" && argument.expressions.length === 0;
}

/**
 * Builds a rule that reports calls of some functions of a module when their first argument is
 * not a static string.
 *
 * @param modules - the module specifiers whose functions are dangerous
 * @param functions - the dangerous function names, called plainly or through the module object
 * @param message - what to tell the author, with the fix
 * @returns the rule
 * @example
 * ```ts
 * const rule = dynamicArgumentRule(VM, CODE_RUNNERS, "Do not compile code built at run time.");
 * ```
 */
export function dynamicArgumentRule(
  modules: ReadonlySet<string>,
  functions: ReadonlySet<string>,
  message: string,
): Rule.RuleModule {
  return {
    meta: { type: "problem", messages: { dynamic: message }, schema: [] },
    create(context) {
      const direct = new Set<string>();
      const namespaces = new Set<string>();
      const check = (node: Rule.Node & { callee: Callee; arguments: Argument[] }): void => {
        if (
          isDangerous(node.callee, direct, namespaces, functions) &&
          !isStaticString(node.arguments[0])
        ) {
          context.report({ node, messageId: "dynamic" });
        }
      };
      return {
        ImportDeclaration(node) {
          if (!modules.has(String(node.source.value))) return;
          for (const specifier of node.specifiers) {
            if (specifier.type !== "ImportSpecifier") namespaces.add(specifier.local.name);
            else if (
              specifier.imported.type === "Identifier" &&
              functions.has(specifier.imported.name)
            ) {
              direct.add(specifier.local.name);
            }
          }
        },
        CallExpression: check,
        NewExpression: check,
      };
    },
  };
}

function isDangerous(
  callee: Callee,
  direct: ReadonlySet<string>,
  namespaces: ReadonlySet<string>,
  functions: ReadonlySet<string>,
): boolean {
  if (callee.type === "Identifier") return direct.has(callee.name);
  return (
    callee.type === "MemberExpression" &&
    callee.object.type === "Identifier" &&
    namespaces.has(callee.object.name) &&
    callee.property.type === "Identifier" &&
    functions.has(callee.property.name)
  );
}

/**
 * The `ladder-security` ESLint plugin: `no-dynamic-exec` and `no-dynamic-vm`.
 *
 * @example
 * ```ts
 * export default [{ plugins: { "ladder-security": securityPlugin }, rules: { "ladder-security/no-dynamic-exec": "error" } }];
 * ```
 */
export const securityPlugin: ESLint.Plugin = {
  // ESLint's cache (rung 5's, under node_modules/.cache/quality-gate) keys on name@version:
  // bump the version whenever a rule's behaviour changes.
  meta: { name: "ladder-security", version: "1" },
  rules: {
    "no-dynamic-exec": dynamicArgumentRule(
      CHILD_PROCESS,
      SHELL_RUNNERS,
      "This shell command is built at run time, so its input can inject commands. Pass the program and its arguments as an array to execFile or spawn instead.",
    ),
    "no-dynamic-vm": dynamicArgumentRule(
      VM,
      CODE_RUNNERS,
      "This compiles code built at run time with vm, which is not a security boundary. Do not run code derived from input; parse data instead.",
    ),
  },
};
