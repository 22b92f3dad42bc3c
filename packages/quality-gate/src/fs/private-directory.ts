/**
 * Directories whose files the gate executes or trusts (the start-up snapshot, the V8 code cache):
 * they must be writable by this user alone, or another local user could plant code there that the
 * next run executes as this user (as root, for a root user).
 *
 * A directory is private when it is owned by this user and writable by nobody else, and every
 * directory above it is owned by this user or by root and is not writable by others, except a
 * sticky one such as `/tmp` (whose entries only their owners may rename or delete). Symbolic links
 * are resolved first and the real path is what is checked and used, as OpenSSH checks the path of
 * an `authorized_keys` file.
 *
 * @internal
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readFileSync,
  realpathSync,
} from "node:fs";
import type { Stats } from "node:fs";
import { dirname } from "node:path";
import { makeDirectory } from "./make-directory.js";

/** Group- or other-writable. */
const WRITABLE_BY_OTHERS = 0o022;
const STICKY = 0o1000;

/**
 * A directory checked by {@link openPrivateDirectory}: its real path, or why it may not be used.
 *
 * @internal
 */
export type PrivateDirectory =
  | { readonly path: string; readonly problem?: undefined }
  | { readonly path?: undefined; readonly problem: string };

/**
 * A file read by {@link readPrivateFile}: its bytes, or why they were not read.
 *
 * @internal
 */
export type PrivateFile =
  | { readonly data: Buffer; readonly problem?: undefined }
  | { readonly data?: undefined; readonly problem: string };

/**
 * The user the checks are made for: this process's, or none where the platform has no user ids
 * (Windows, whose per-user folders are protected by their ACLs instead).
 */
function currentUser(): number | undefined {
  return process.getuid?.();
}

/**
 * Opens a directory only this user can write, creating it (mode `0o700`) when asked.
 *
 * @param dir - the directory, absolute
 * @param create - create it and its missing parents when it does not exist
 * @returns its real path, or the problem that rules it out (missing, another user's, writable by
 *   others, below a directory others can write, not creatable)
 * @internal
 */
export function openPrivateDirectory(dir: string, create: boolean): PrivateDirectory {
  const real = realDirectory(dir, create);
  if (real.problem !== undefined) return real;
  const uid = currentUser();
  if (uid === undefined) return real;
  const leaf = lstatSync(real.path);
  const problem = !leaf.isDirectory()
    ? `${real.path} is not a directory`
    : (foreignOwner(real.path, leaf, uid) ?? writableByOthers(real.path, leaf));
  if (problem !== undefined) return { problem };
  for (let above = dirname(real.path); ; above = dirname(above)) {
    const unsafe = checkAncestor(above, lstatSync(above), uid);
    if (unsafe !== undefined) return { problem: unsafe };
    if (dirname(above) === above) return real;
  }
}

/** The directory's real path, created first when asked. */
function realDirectory(dir: string, create: boolean): PrivateDirectory {
  try {
    if (create) makeDirectory(dir, 0o700);
    return { path: realpathSync(dir) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && !create) return { problem: `${dir} does not exist` };
    return { problem: `${dir} cannot be created (${(error as Error).message})` };
  }
}

/**
 * Reads a file in a private directory, refusing a symbolic link, another user's file and a file
 * others can write. The checks are made on the open descriptor, so the file cannot be swapped
 * between the check and the read.
 *
 * @param file - the file, in a directory {@link openPrivateDirectory} accepted
 * @returns its bytes, or the problem (missing, a link, another user's, writable by others)
 * @internal
 */
export function readPrivateFile(file: string): PrivateFile {
  let descriptor: number;
  try {
    // O_NOFOLLOW: a link in the file's place fails (ELOOP). Windows has no such flag (undefined is 0).
    descriptor = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      problem:
        code === "ENOENT" ? `${file} does not exist` : `${file} cannot be read (${String(code)})`,
    };
  }
  try {
    const stats = fstatSync(descriptor);
    const problem = checkPrivateFile(file, stats);
    return problem === undefined ? { data: readFileSync(descriptor) } : { problem };
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Checks a file's own status as {@link readPrivateFile} does, for a file another program opens
 * (the snapshot Node starts from).
 *
 * @param file - the file
 * @param stats - its `lstat`
 * @returns the problem, or `undefined` when this user alone can write it
 * @internal
 */
export function checkPrivateFile(file: string, stats: Stats): string | undefined {
  if (!stats.isFile()) return `${file} is not a regular file`;
  const uid = currentUser();
  if (uid === undefined) return undefined;
  return foreignOwner(file, stats, uid) ?? writableByOthers(file, stats);
}

/** A directory above a private one: this user's or root's, and closed to others unless sticky. */
function checkAncestor(path: string, stats: Stats, uid: number): string | undefined {
  if (stats.uid !== 0) {
    const owner = foreignOwner(path, stats, uid);
    if (owner !== undefined) return owner;
  }
  return (stats.mode & STICKY) === 0 ? writableByOthers(path, stats) : undefined;
}

function foreignOwner(path: string, stats: Stats, uid: number): string | undefined {
  return stats.uid === uid
    ? undefined
    : `${path} belongs to user ${String(stats.uid)}, not to this user (${String(uid)})`;
}

function writableByOthers(path: string, stats: Stats): string | undefined {
  return (stats.mode & WRITABLE_BY_OTHERS) === 0
    ? undefined
    : `${path} is writable by other users (mode ${(stats.mode & 0o7777).toString(8)})`;
}
