/**
 * Docker 27.x's iptables state for the default bridge with no published port (datapath.md §1.4):
 * nat `DOCKER` jumps and the MASQUERADE of container traffic leaving by another interface; filter
 * `DOCKER-USER`, the isolation chains, the FORWARD rules, and FORWARD policy DROP (Docker enabled
 * forwarding itself). Docker starts before kube-proxy, whose jumps are inserted above, so Docker's
 * rules are appended here.
 */
import type { ClusterNode } from '../k8s/cluster-model.ts';
import { formatCidr, parseCidr } from '../net/ip.ts';
import type { ChainSpec, RuleCommand } from './rule-command.ts';
import { command } from './rule-command.ts';

/** Docker's chains. */
export const DOCKER_CHAINS: readonly ChainSpec[] = [
  { table: 'nat', name: 'DOCKER' },
  ...['DOCKER', 'DOCKER-ISOLATION-STAGE-1', 'DOCKER-ISOLATION-STAGE-2', 'DOCKER-USER'].map(
    (name) => ({ table: 'filter' as const, name }),
  ),
];

/** Every command the Docker daemon runs for docker0 on `node`, in order. */
export function dockerRuleCommands(node: ClusterNode): RuleCommand[] {
  const bridge = node.bridge.name;
  const parsed = parseCidr(`${node.bridge.ip}/${node.bridge.prefix}`);
  const subnet = parsed ? formatCidr(parsed) : node.podRanges[0];
  return [
    command('nat', '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER'),
    command('nat', '-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER'),
    command('nat', `-A POSTROUTING -s ${subnet} ! -o ${bridge} -j MASQUERADE`),
    command('nat', `-A DOCKER -i ${bridge} -j RETURN`),
    command('filter', '-P FORWARD DROP'),
    command('filter', '-A FORWARD -j DOCKER-USER'),
    command('filter', '-A FORWARD -j DOCKER-ISOLATION-STAGE-1'),
    command(
      'filter',
      `-A FORWARD -o ${bridge} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`,
    ),
    command('filter', `-A FORWARD -o ${bridge} -j DOCKER`),
    command('filter', `-A FORWARD -i ${bridge} ! -o ${bridge} -j ACCEPT`),
    command('filter', `-A FORWARD -i ${bridge} -o ${bridge} -j ACCEPT`),
    command(
      'filter',
      `-A DOCKER-ISOLATION-STAGE-1 -i ${bridge} ! -o ${bridge} -j DOCKER-ISOLATION-STAGE-2`,
    ),
    command('filter', '-A DOCKER-ISOLATION-STAGE-1 -j RETURN'),
    command('filter', `-A DOCKER-ISOLATION-STAGE-2 -o ${bridge} -j DROP`),
    command('filter', '-A DOCKER-ISOLATION-STAGE-2 -j RETURN'),
    command('filter', '-A DOCKER-USER -j RETURN'),
  ];
}
