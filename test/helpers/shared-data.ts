/**
 * Where the shared real-world data sets live (Pabulib elections, Polis conversations): `shared/data`
 * beside the repository (`../shared/data`), or in a parent folder of it, or where CIVITAS_SHARED_DATA
 * points. The data is not part of the repository; tests that need it are skipped, with a message
 * naming the folders searched, on a checkout without it, and fail instead when
 * CIVITAS_REQUIRE_SHARED_DATA=1.
 */
import fs from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

function candidates(): string[] {
  const out: string[] = [];
  if (process.env.CIVITAS_SHARED_DATA) out.push(path.resolve(process.env.CIVITAS_SHARED_DATA));
  let dir = path.dirname(repoRoot);
  for (;;) {
    out.push(path.join(dir, 'shared', 'data'));
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return out;
}

/** The shared data folder holding `sub` (e.g. `pabulib`), or null when none is found. */
export function sharedDataDir(sub: string): string | null {
  for (const dir of candidates()) if (fs.existsSync(path.join(dir, sub))) return path.join(dir, sub);
  return null;
}

/** node:test's `skip` for tests of `sub`: false when the data is there, a message when it is not (or a throw when required). */
export function sharedDataSkip(sub: string): string | false {
  if (sharedDataDir(sub)) return false;
  const message = `the shared ${sub} data is not on this machine (looked for shared/data/${sub} beside and above ${repoRoot}; set CIVITAS_SHARED_DATA)`;
  if (process.env.CIVITAS_REQUIRE_SHARED_DATA === '1') throw new Error(message);
  return message;
}
