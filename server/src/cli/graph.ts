// `local-cloud-lab graph`: the architecture graph of an emulator for scripts and READMEs (issue 13). Entry of the
// lazy bundle dist/graph-cli.js, so `check` never loads the AWS SDK. The JSON format is fixed:
//   {"nodes":[{"id":"<ARN>","type":"AWS::SQS::Queue","name":"…"}],"edges":[{"from":"<ARN>","to":"<ARN>","kind":"…"}]}
// Exit status: 0 the whole graph was read, 1 written but a service failed or the node limit cut it (one line per
// problem on stderr), 2 a usage error, a refused endpoint or an emulator that answered nothing.
import { AwsClients } from '../../../src/aws/clients';
import { isLoopback, normaliseEndpoint, resolveConnection } from '../../../src/aws/connection';
import { DEFAULT_MAX_NODES, readWiring } from '../../../src/aws/wiring';
import { exportGraph, GRAPH_FORMATS, type GraphFormat } from '../../../src/graph/exports';
import { GRAPH_USAGE } from './graphUsage';
import { parseOptions, single, UsageError } from './options';

export interface GraphIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

const SPEC = { valued: ['endpoint', 'region', 'format', 'max-nodes'], flags: ['allow-remote', 'help'] } as const;

/** Options given once each, flags; no positional arguments. */
function parse(argv: readonly string[]): { values: Map<string, string>; flags: ReadonlySet<string> } {
  const p = parseOptions(argv, SPEC);
  if (p.positional.length) throw new UsageError(`Unexpected argument "${p.positional[0]}"`);
  const values = new Map<string, string>();
  for (const name of p.values.keys()) values.set(name, single(p, name)!);
  return { values, flags: p.flags };
}

/** Runs `graph` with the arguments after the command name. */
export async function runGraph(argv: readonly string[], io: GraphIo): Promise<number> {
  let clients: AwsClients | undefined;
  try {
    const { values, flags } = parse(argv);
    if (flags.has('help')) {
      io.stdout(`${GRAPH_USAGE}\n`);
      return 0;
    }
    const format = (values.get('format') ?? 'json') as GraphFormat;
    if (!GRAPH_FORMATS.includes(format))
      throw new UsageError(`--format must be json, mermaid, dot or svg (got "${format}")`);
    const endpoint = values.get('endpoint');
    if (!endpoint) throw new UsageError('--endpoint is required (e.g. --endpoint http://localhost:4566)');
    const maxText = values.get('max-nodes');
    const maxNodes = maxText === undefined ? DEFAULT_MAX_NODES : Number(maxText);
    if (!Number.isInteger(maxNodes) || maxNodes < 1) throw new UsageError(`--max-nodes must be a whole number ≥ 1`);
    const normal = normaliseEndpoint(endpoint);
    if (!normal.ok) throw new UsageError(`--endpoint: ${normal.reason}`);
    const allowRemote = flags.has('allow-remote');
    if (!allowRemote && !isLoopback(normal.url)) {
      throw new UsageError(
        `${normal.url} is not on this machine; pass --allow-remote to read a remote endpoint (it may be real AWS)`,
      );
    }
    // The extension's own resolution: per-service endpoints from AWS_ENDPOINT_URL_<SERVICE>, the same remote check.
    const resolved = resolveConnection(
      { endpoint: normal.url, region: values.get('region'), allowRemoteEndpoint: allowRemote },
      io.env,
    );
    if (!resolved.ok) {
      throw new UsageError(
        resolved.reason.replace('set localCloudLab.allowRemoteEndpoint to true', 'pass --allow-remote'),
      );
    }
    clients = new AwsClients(resolved.connection);
    const graph = await readWiring(clients, { maxNodes });
    if (graph.nodes.length === 0 && graph.failures.length > 0) {
      io.stderr(`Read the wiring at ${normal.url} failed: ${graph.failures[0]!.reason}\n`);
      return 2;
    }
    io.stdout(exportGraph(graph, format));
    for (const f of graph.failures) io.stderr(`Read ${f.service} failed: ${f.reason}\n`);
    for (const service of graph.unsupported ?? [])
      io.stderr(`Note: this emulator does not offer ${service} (left out)\n`);
    if (graph.capped)
      io.stderr(
        `More than ${graph.capped.limit} resources: the graph holds the first ${graph.capped.limit} (--max-nodes)\n`,
      );
    return graph.failures.length || graph.capped ? 1 : 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${err.message}\n`);
      return 2;
    }
    io.stderr(`graph failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  } finally {
    clients?.dispose();
  }
}
