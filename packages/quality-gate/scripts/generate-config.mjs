// npm run generate:config: rewrites the configuration's TypeScript types
// (src/config/config-types.ts) and JSON schema (schema/config.v1.json) from the zod schema in
// src/config/config-schema.ts. Run it after changing the schema; test/config/generated-files.test.ts
// fails until you do. The TypeScript sources are loaded through jiti, so a stale types file does
// not stop its own regeneration.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createJiti } from "jiti";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const jiti = createJiti(import.meta.url);
const { generateConfigFiles } = await jiti.import(
  join(packageDir, "src/config/config-codegen.ts"),
);
for (const file of await generateConfigFiles(packageDir)) {
  writeFileSync(join(packageDir, file.path), file.content);
  console.log(`wrote ${file.path}`);
}
