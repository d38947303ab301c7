// Writes (or, with --check, verifies) the `localCloudLab.analysis.rules` setting in package.json from the rule
// registry, so every rule can be turned off or re-levelled in settings and the manifest never drifts from the code.
// Run: node --import tsx scripts/rules-manifest.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../server/src/core/analyze';

const root = join(__dirname, '..');
const manifestPath = join(root, 'package.json');

export function rulesSetting(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const rule of [...allRules()].sort((a, b) => a.id.localeCompare(b.id))) {
    properties[rule.id] = {
      type: 'string',
      enum: ['off', 'error', 'warning', 'info', 'hint'],
      markdownDescription: `${rule.title} Default: \`${rule.defaultSeverity}\`. [Docs](docs/rules/${rule.id}.md)`,
    };
  }
  return {
    type: 'object',
    scope: 'resource',
    default: {},
    additionalProperties: false,
    markdownDescription:
      'Severity of each analysis rule, or `off`. Per-file levels go in `#localCloudLab.analysis.overrides#`.',
    properties,
  };
}

if (require.main === module) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const props = manifest.contributes.configuration.properties;
  const wanted = rulesSetting();
  const same = JSON.stringify(props['localCloudLab.analysis.rules']) === JSON.stringify(wanted);
  if (process.argv.includes('--check')) {
    if (!same) {
      console.error('package.json localCloudLab.analysis.rules is out of date: run `npm run manifest`.');
      process.exit(1);
    }
  } else if (!same) {
    props['localCloudLab.analysis.rules'] = wanted;
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(`package.json: ${Object.keys(wanted.properties as object).length} rules`);
  }
}
