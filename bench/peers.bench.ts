// Peers side by side (`npm run bench -- peers`): parliament and cloudsplaining, pinned in the project's virtualenv
// (scripts/ensure-peers.sh), and our analysis core over the same AWS managed policies. Prints the time of each
// (analysis only, files already read), the ratios, and agreement: for each peer finding class that maps to one of
// our rules, on how many of the policies the peer flags we report that rule too. Figures only, never asserted.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { analyzeDocument } from '../server/src/core/analyze';
import { loadIamData } from '../server/src/iamData';
import { corpusDir, corpusPolicies } from '../test/support/corpus';

const root = join(__dirname, '..');
const venv = process.env.LCL_VENV ?? join(root, '.venv');

/** Peer class → the rules of ours that report the same thing. */
const MAPPING: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  parliament: {
    UNKNOWN_ACTION: ['INVALID_ACTION'],
    UNKNOWN_PREFIX: ['INVALID_SERVICE_IN_ACTION'],
    RESOURCE_STAR: ['RESOURCE_STAR'],
    RESOURCE_MISMATCH: ['RESOURCE_MISMATCH'],
    MISMATCHED_TYPE: ['TYPE_MISMATCH'],
    MISMATCHED_TYPE_BUT_USABLE: ['STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS', 'TYPE_MISMATCH'],
    INVALID_ARN: ['INVALID_ARN_RESOURCE', 'INVALID_ARN_PREFIX', 'MISSING_ARN_FIELD', 'MISSING_ARN_REGION'],
  },
  cloudsplaining: {
    PrivilegeEscalation: ['PRIVILEGE_ESCALATION'],
    DataExfiltration: ['DATA_EXFILTRATION'],
    CredentialsExposure: ['CREDENTIALS_EXPOSURE'],
    ServiceWildcard: ['SERVICE_WILDCARD'],
    ResourceExposure: ['PERMISSIONS_MANAGEMENT'],
    InfrastructureModification: ['WRITE_WITHOUT_CONSTRAINTS', 'RESOURCE_STAR'],
  },
};

interface PeerRun {
  readonly policies: number;
  readonly parliament: { readonly seconds: number; readonly findings: Record<string, string[]> };
  readonly cloudsplaining: { readonly seconds: number; readonly findings: Record<string, string[]> };
}

function main(): void {
  const dir = corpusDir(root);
  if (!dir) {
    console.log('peers: skipped, ../shared/corpus/aws-managed-policies not found');
    return;
  }
  const ensured = spawnSync('bash', [join(root, 'scripts', 'ensure-peers.sh')], { stdio: 'inherit' });
  if (ensured.status !== 0) {
    console.log('peers: skipped, scripts/ensure-peers.sh failed');
    return;
  }
  const run = spawnSync(join(venv, 'bin', 'python'), [join(root, 'scripts', 'peers.py'), dir], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) {
    console.log(`peers: scripts/peers.py failed: ${run.stderr.slice(-500)}`);
    return;
  }
  const peers = JSON.parse(run.stdout) as PeerRun;

  const policies = corpusPolicies(dir);
  const data = loadIamData();
  const ctx = { iamData: () => data, options: {} };
  // Warm up once (catalogue services parsed on first use), as the peers' imports are outside their timing too.
  for (const p of policies) analyzeDocument({ uri: `${p.name}.json`, text: p.text }, ctx);
  const ours = new Map<string, Set<string>>();
  const started = performance.now();
  for (const p of policies) {
    const { findings } = analyzeDocument({ uri: `${p.name}.json`, text: p.text }, ctx);
    ours.set(p.name, new Set(findings.map((f) => f.ruleId)));
  }
  const ourSeconds = (performance.now() - started) / 1000;

  console.log(
    `peers over ${policies.length} AWS managed policies (analysis only; ours with quick fixes, after one warm-up pass): ours ${(ourSeconds * 1000).toFixed(0)} ms, ` +
      `parliament 1.6.4 ${(peers.parliament.seconds * 1000).toFixed(0)} ms (${(peers.parliament.seconds / ourSeconds).toFixed(1)}x ours, target >= 20x), ` +
      `cloudsplaining 0.9.1 ${(peers.cloudsplaining.seconds * 1000).toFixed(0)} ms (${(peers.cloudsplaining.seconds / ourSeconds).toFixed(1)}x ours)`,
  );
  // The same analysis as the CLI runs it (no quick fixes: the peers build none either) once V8 has compiled it, as in
  // a language server that has run a while or a CI run over a large repository: the median of 3 passes after 5.
  const cliCtx = { iamData: () => data, options: { fixes: false } };
  const pass = (): number => {
    const t = performance.now();
    for (const p of policies) analyzeDocument({ uri: `${p.name}.json`, text: p.text }, cliCtx);
    return (performance.now() - t) / 1000;
  };
  for (let i = 0; i < 5; i++) pass();
  const steady = [pass(), pass(), pass()].sort((a, b) => a - b)[1]!;
  console.log(
    `  steady state, without quick fixes: ours ${(steady * 1000).toFixed(0)} ms, parliament ${(peers.parliament.seconds / steady).toFixed(1)}x ours, ` +
      `cloudsplaining ${(peers.cloudsplaining.seconds / steady).toFixed(1)}x ours`,
  );
  for (const tool of ['parliament', 'cloudsplaining'] as const) {
    const findings = peers[tool].findings;
    const crashed = Object.values(findings).filter((l) => l.includes('EXCEPTION')).length;
    if (crashed) console.log(`  ${tool}: failed on ${crashed} policies`);
    for (const [peerClass, rules] of Object.entries(MAPPING[tool]!)) {
      const flagged = Object.entries(findings)
        .filter(([, classes]) => classes.includes(peerClass))
        .map(([name]) => name);
      const both = flagged.filter((name) => rules.some((r) => ours.get(name)?.has(r)));
      const onlyOurs = [...ours]
        .filter(([name, r]) => rules.some((x) => r.has(x)) && !findings[name]?.includes(peerClass))
        .map(([name]) => name);
      const pct = flagged.length ? ` (${((100 * both.length) / flagged.length).toFixed(0)}%)` : '';
      const missed = flagged.filter((n) => !both.includes(n));
      console.log(
        `  ${tool} ${peerClass} -> ${rules.join('/')}: ${flagged.length} policies, we report ${both.length}${pct}; ` +
          `only ours ${onlyOurs.length}${missed.length ? `; peer only, e.g. ${missed.slice(0, 4).join(', ')}` : ''}`,
      );
    }
  }
}

main();
