#!/usr/bin/env node
// Fails when a project lacks a scope:* or type:* tag, since untagged projects escape the module-boundary rules.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const SKIP = new Set(['node_modules', 'dist', 'tmp', '.git', '.nx', 'reports', 'coverage']);

function* projectFiles(dir) {
  for (const entry of readdirSync(dir)) {
    if (SKIP.has(entry)) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* projectFiles(path);
    else if (entry === 'project.json') yield path;
  }
}

const problems = [];
let count = 0;
for (const file of projectFiles(root)) {
  count += 1;
  const project = JSON.parse(readFileSync(file, 'utf8'));
  const tags = project.tags ?? [];
  const where = relative(root, file);
  if (!tags.some((t) => t.startsWith('scope:'))) problems.push(`${where}: no scope:* tag`);
  if (!tags.some((t) => t.startsWith('type:'))) problems.push(`${where}: no type:* tag`);
}
if (problems.length > 0) {
  console.error(`Untagged projects (every project needs a scope:* and a type:* tag):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`All ${count} projects are tagged.`);
