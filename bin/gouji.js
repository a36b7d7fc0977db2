#!/usr/bin/env node
// The `gouji` command: runs the build in dist-cli/ (made by `npm run build:cli`, which `prepare` runs).
import { existsSync } from 'node:fs';

const built = new URL('../dist-cli/gouji.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('gouji 尚未构建，请先运行 npm run build:cli / gouji is not built yet: run npm run build:cli\n');
  process.exit(2);
}
await import(built.href);
