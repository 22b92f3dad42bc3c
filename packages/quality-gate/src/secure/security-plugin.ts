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
      const bindings: Bindings = { direct: new Set(), namespaces: new Set() };
      const check = (node: Rule.Node & { callee: Callee; arguments: Argument[] }): void => {
        if (
          isDangerous(node.callee, bindings.direct, bindings.namespaces, functions) &&
          !isStaticString(node.arguments[0])
        ) {
          context.report({ node, messageId: "dynamic" });
        }
      };
      return {
        ...bindingTrackers(modules, functions, bindings),
        CallExpression: check,
        NewExpression: check,
      };
    },
  };
}

/** The local names under which a file holds the module (`namespaces`) or its functions (`direct`). */
interface Bindings {
  readonly direct: Set<string>;
  readonly namespaces: Set<string>;
}

/** Listeners that record how the file imports `modules`: ES imports and both CommonJS forms. */
function bindingTrackers(
  modules: ReadonlySet<string>,
  functions: ReadonlySet<string>,
  { direct, namespaces }: Bindings,
): Rule.RuleListener {
  return {
    ImportDeclaration(node) {
      if (!modules.has(String(node.source.value))) return;
      for (const specifier of node.specifiers) {
        if (specifier.type !== "ImportSpecifier") namespaces.add(specifier.local.name);
        else if (
          specifier.imported.type === "Identifier" &&
          functions.has(specifier.imported.name)
        )
          direct.add(specifier.local.name);
      }
    },
    // `import vm = require("node:vm")`: TypeScript's CommonJS import.
    TSImportEqualsDeclaration(node: unknown) {
      const { id, moduleReference } = node as ImportEquals;
      if (moduleReference.type !== "TSExternalModuleReference") return;
      if (modules.has(String(moduleReference.expression.value))) namespaces.add(id.name);
    },
    // `const vm = require("vm")` and `const { runInThisContext } = require("vm")`.
    VariableDeclarator(node) {
      if (!isRequireOf(node.init, modules)) return;
      if (node.id.type === "Identifier") namespaces.add(node.id.name);
      if (node.id.type !== "ObjectPattern") return;
      for (const property of node.id.properties) {
        if (property.type !== "Property" || property.key.type !== "Identifier") continue;
        if (functions.has(property.key.name) && property.value.type === "Identifier")
          direct.add(property.value.name);
      }
    },
  };
}

/** The parts of a `TSImportEqualsDeclaration` this rule reads (ESLint's types know only ESTree). */
interface ImportEquals {
  readonly id: { readonly name: string };
  readonly moduleReference:
    | {
        readonly type: "TSExternalModuleReference";
        readonly expression: { readonly value: unknown };
      }
    | { readonly type: "Identifier" | "TSQualifiedName" };
}

/** `require("<one of modules>")`. */
function isRequireOf(
  init: CallNode["callee"] | null | undefined,
  modules: ReadonlySet<string>,
): boolean {
  if (init?.type !== "CallExpression") return false;
  const [specifier] = init.arguments;
  return (
    init.callee.type === "Identifier" &&
    init.callee.name === "require" &&
    specifier?.type === "Literal" &&
    modules.has(String(specifier.value))
  );
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
  meta: { name: "ladder-security", version: "2" },
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
