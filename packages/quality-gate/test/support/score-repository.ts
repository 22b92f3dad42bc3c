// Scores a fixture repository the way a run does: its packages and TypeScript projects found by
// discoverProject, one Program per project.
import { createPrograms } from "../../src/ladder/create-program.js";
import { discoverProject } from "../../src/project/discover-project.js";
import { collectWorkspace, scoreWorkspace } from "../../src/scorer/score-workspace.js";
import type { CollectedWorkspace, WorkspaceScore } from "../../src/scorer/score-workspace.js";

/**
 * Collects a repository's public surface.
 *
 * @param root - the repository
 * @param entryPoints - the configuration's entryPoints, if any
 * @returns what collection found
 */
export function collectRepository(
  root: string,
  entryPoints?: readonly string[],
): CollectedWorkspace {
  const project = discoverProject(root, entryPoints);
  return collectWorkspace(
    createPrograms(project.tsconfigs).map(({ program }) => program),
    project,
  );
}

/**
 * Scores a repository's public surface.
 *
 * @param root - the repository
 * @returns the scores
 */
export function scoreRepository(root: string): WorkspaceScore {
  const project = discoverProject(root);
  return scoreWorkspace(
    createPrograms(project.tsconfigs).map(({ program }) => program),
    project,
  );
}
