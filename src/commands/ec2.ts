// EC2 / VPC commands: the guided "Create VPC with Public and Private Subnets" (the week-2 exercise: CIDR, zones and a
// name asked and checked, the plan shown before anything is made, each step reported, and on a failure what was
// already created) and Show Security Group Rules (a readable table with the world-open warnings).
import * as vscode from 'vscode';
import {
  checkVpcCidr,
  createVpcWithSubnets,
  lintSecurityGroup,
  planVpc,
  rulesTable,
  VpcCreationError,
  type CreatedResource,
} from '../aws/ec2';
import { isNodeOf, type ExplorerNode } from '../explorer/model';
import { guardedResult, refreshRow, requireClients, withProgress, type CommandContext } from './ui';
import type { ReadOnlyDocuments } from './views';

export interface CreateVpcPreset {
  readonly cidr?: string;
  readonly azCount?: number;
  readonly name?: string;
}

export function checkVpcName(name: string): string | undefined {
  return /^[A-Za-z0-9][\w.-]{0,39}$/.test(name)
    ? undefined
    : 'Use 1–40 letters, digits, ".", "_" or "-", starting with a letter or digit.';
}

export function registerEc2Commands(ctx: CommandContext, docs: ReadOnlyDocuments): vscode.Disposable[] {
  const createVpc = async (_node?: ExplorerNode, preset: CreateVpcPreset = {}) => {
    const title = 'Create VPC with public and private subnets';
    const cidr =
      preset.cidr ??
      (await vscode.window.showInputBox({
        title: `${title} (1/3): address block`,
        prompt: 'The VPC CIDR block, /16 to /28.',
        value: '10.0.0.0/16',
        validateInput: checkVpcCidr,
      }));
    if (cidr === undefined) return undefined;
    let azCount = preset.azCount;
    if (azCount === undefined) {
      const pick = await vscode.window.showQuickPick(
        [1, 2, 3].map((n) => ({
          label: String(n),
          description: n === 2 ? 'recommended: survives the loss of one zone' : undefined,
          detail: `${n} public + ${n} private subnet${n > 1 ? 's' : ''}`,
          n,
        })),
        { title: `${title} (2/3): availability zones` },
      );
      if (!pick) return undefined;
      azCount = pick.n;
    }
    const name =
      preset.name ??
      (await vscode.window.showInputBox({
        title: `${title} (3/3): name`,
        prompt: 'Tags the VPC and names its parts (<name>-public-1, <name>-igw…).',
        value: 'lab',
        validateInput: checkVpcName,
      }));
    if (name === undefined) return undefined;
    const problem = checkVpcCidr(cidr) ?? checkVpcName(name);
    if (problem) throw new Error(problem);
    const plan = planVpc(cidr, azCount, name);
    const clients = requireClients(ctx);
    if (!clients) return undefined;
    const planText = [
      `VPC ${plan.name} ${plan.cidr}, an internet gateway attached to it,`,
      ...plan.subnets.map((s) => `  ${s.name}  ${s.cidr}  (zone ${s.azIndex + 1}, ${s.tier})`),
      'a public route table (0.0.0.0/0 → the internet gateway) for the public subnets',
      'and a private route table (no internet route; add a NAT gateway later) for the private ones.',
    ].join('\n');
    if (
      !(await ctx.confirm(
        `Create VPC ${plan.name} (${plan.cidr}) in ${clients.connection.endpoint}?`,
        planText,
        'Create',
      ))
    ) {
      return undefined;
    }
    ctx.output.info(`${title}: ${plan.name} ${plan.cidr}, ${azCount} zone(s)`);
    let created: CreatedResource[];
    try {
      created = await withProgress(title, (report, signal) =>
        createVpcWithSubnets(clients, plan, {
          signal,
          onStep: (r) => {
            ctx.output.info(`  created ${r.kind} ${r.id}: ${r.detail}`);
            report(`${r.kind} ${r.id}`, 100 / (plan.subnets.length + 8));
          },
        }),
      );
    } catch (err) {
      refreshRow(ctx, 'ec2:');
      if (err instanceof VpcCreationError) {
        const made = err.created.map((c) => `${c.kind} ${c.id}`).join(', ') || 'nothing';
        const message = `${err.message}. Already created: ${made}.`;
        ctx.output.error(message);
        void vscode.window.showErrorMessage(message, { modal: false });
        return { created: err.created, failedStep: err.step };
      }
      throw err;
    }
    refreshRow(ctx, 'ec2:');
    const vpc = created.find((c) => c.kind === 'vpc');
    void vscode.window.showInformationMessage(
      `Created VPC ${vpc?.id} (${plan.cidr}) with ${azCount} public and ${azCount} private subnets. The steps are in the Local Cloud Lab log.`,
    );
    return { created };
  };

  const showSecurityGroup = async (node?: ExplorerNode) => {
    if (!isNodeOf(node, 'ec2.securityGroup')) return undefined;
    const warnings = lintSecurityGroup({ rules: node.ref.rules });
    const text = [
      `# Security group ${node.ref.name} (${node.ref.groupId})`,
      '',
      rulesTable({ rules: node.ref.rules }),
      '',
      ...(warnings.length
        ? warnings.map((w) => `⚠ ${w.message}`)
        : ['No rule opens an admin port or every port to the world.']),
    ].join('\n');
    const uri = await docs.show(`${node.ref.name} rules.txt`, text);
    return { uri: uri.toString(), warnings: warnings.map((w) => w.message) };
  };

  return [
    vscode.commands.registerCommand('localCloudLab.ec2.createVpc', guardedResult(ctx, 'Create VPC', createVpc)),
    vscode.commands.registerCommand(
      'localCloudLab.ec2.showSecurityGroup',
      guardedResult(ctx, 'Show security group', showSecurityGroup),
    ),
  ];
}
