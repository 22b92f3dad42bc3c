/**
 * What a rule is and how to fix its findings, for the reports that declare rules (SARIF's
 * `tool.driver.rules`): derived from the rule id's tool prefix, with the rubric's own advice
 * ({@link fixFor}) for the typed and documented rungs, so every format says the same thing.
 */
import { fixFor } from "../scorer/fix-for.js";

/** A rule's description and advice. */
export interface RuleHelp {
  /** One sentence saying what the rule checks. */
  readonly description: string;
  /** How to fix a finding of the rule. */
  readonly help: string;
  /** The tool's documentation of the rule, when it has a stable address. */
  readonly helpUri?: string;
}

type Explainer = (name: string) => RuleHelp;

const TOOLS: Readonly<Record<string, Explainer>> = {
  typescript: (name) => ({
    description: `The TypeScript compiler reports error ${name}.`,
    help: "Fix the type error at the reported position; `npx tsc --noEmit` shows the same diagnostic.",
  }),
  prettier: () => ({
    description: "The file is not formatted as Prettier would format it.",
    help: "Run `npx prettier --write <file>` (or your editor's format-on-save) and commit the result.",
  }),
  eslint: eslintHelp,
  vitest: (name) => ({
    description: `The test rung's check \`${name}\` failed.`,
    help: "Run `npx vitest run` to see the failure; fix the code or the test, and keep coverage above the thresholds.",
  }),
  typed: rubricHelp("typed", "The exported symbol's types are not fully explicit"),
  documented: rubricHelp("documented", "The exported symbol's TSDoc is incomplete"),
  security: (name) => ({
    description: `The security rung's check \`${name}\` found a risk.`,
    help: "Remove the dynamic code execution or hard-coded secret, or validate parsed JSON before it leaves a public function (for example with a schema).",
  }),
  observable: (name) => ({
    description: `The observability rung's check \`${name}\` failed.`,
    help: "Document every telemetry channel the package emits, emit every documented channel, and use literal channel names.",
  }),
};

function eslintHelp(name: string): RuleHelp {
  const base = {
    description: `ESLint rule \`${name}\` reports a problem.`,
    help: `Fix the code as the rule asks (\`npx eslint --fix\` fixes some rules automatically); disable \`${name}\` on a line only with a comment saying why.`,
  };
  if (name.startsWith("@typescript-eslint/"))
    return {
      ...base,
      helpUri: `https://typescript-eslint.io/rules/${name.slice("@typescript-eslint/".length)}`,
    };
  return name.includes("/")
    ? base
    : { ...base, helpUri: `https://eslint.org/docs/latest/rules/${name}` };
}

function rubricHelp(rung: string, what: string): Explainer {
  return (name) => ({
    description: `${what} (\`${rung}/${name}\`).`,
    help:
      name === "unresolved-export" || name === "entry-outside-project"
        ? "Point the entry at a source file TypeScript compiles (a tsconfig includes it), or set entryPoints in quality-gate.config.ts, then run `quality-gate explain <symbol>`."
        : `${fixFor(name, "the symbol")} Run \`quality-gate explain <symbol>\` to see every check of one symbol.`,
  });
}

/**
 * Describes a rule and says how to fix its findings.
 *
 * @param ruleId - a finding's rule: `eslint/no-var`, `documented/param`, `typescript/TS2322`
 * @returns its description, advice and, for ESLint rules, the rule's documentation address
 * @example
 * ```ts
 * ruleHelp("prettier/format").help; // "Run `npx prettier --write <file>` …"
 * ```
 */
export function ruleHelp(ruleId: string): RuleHelp {
  const slash = ruleId.indexOf("/");
  const tool = slash < 0 ? ruleId : ruleId.slice(0, slash);
  const name = slash < 0 ? ruleId : ruleId.slice(slash + 1);
  if (name === "tool-failed")
    return {
      description: `${tool} could not run.`,
      help: `Fix ${tool}'s configuration or installation (the finding's message has its error), then run the gate again.`,
    };
  const explain = TOOLS[tool];
  return explain === undefined
    ? { description: `Rule \`${ruleId}\` reports a problem.`, help: "See the finding's message." }
    : explain(name);
}
