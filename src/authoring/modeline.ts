import path from 'node:path';
import { PACKAGE_ROOT } from '../util/paths.js';

/**
 * `yaml-language-server: $schema=…` for a file in `fileDir`, pointing at the schema inside the
 * project's node_modules/hrss-std (editors then complete keys and flag errors while typing).
 * Inside the hrss-std package itself the schemas/ folder is used directly.
 */
export function schemaModeline(fileDir: string, projectRoot: string, schema: 'system' | 'include' | 'config'): string {
  const schemas = path.resolve(projectRoot) === PACKAGE_ROOT
    ? path.join(PACKAGE_ROOT, 'schemas')
    : path.join(projectRoot, 'node_modules', 'hrss-std', 'schemas');
  const rel = path.relative(fileDir, path.join(schemas, `${schema}.schema.json`)).split(path.sep).join('/');
  return `yaml-language-server: $schema=${rel}`;
}
