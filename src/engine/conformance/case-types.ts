/**
 * The JSON shape of kube-proxy's conformance cases (shared/fixtures/kube-proxy/README.md).
 */
import type { EndpointSlice, Service } from '../k8s/api-types.ts';

export interface CaseConfig {
  ipFamily?: 'IPv4' | 'IPv6';
  nodeName?: string;
  nodeIP?: string;
  localDetector?: {
    mode?: string;
    clusterCIDR?: string;
    nodeCIDR?: string;
    bridgeInterface?: string;
    interfaceNamePrefix?: string;
  } | null;
  masqueradeAll?: boolean;
  masqueradeMark?: string;
  localhostNodePorts?: boolean;
  nodePortAddresses?: string[] | null;
  nodeInterfaceAddresses?: string[];
  nfacctCounters?: Record<string, boolean>;
  conntrackTCPBeLiberal?: boolean;
  iptablesHasRandomFully?: boolean;
  largeClusterEndpointsThreshold?: number;
  featureGates?: Record<string, boolean>;
  topologyLabels?: Record<string, string>;
}

export interface PacketFlow {
  name: string;
  sourceIP: string;
  protocol: string;
  destIP: string;
  destPort: number;
  output: string;
  masq: boolean;
}

export interface CaseExpectations {
  textSource?: string;
  filter?: string;
  nat?: string;
  packetFlows?: PacketFlow[];
  chains?: Record<string, Record<string, string>>;
  ruleAssertion?: { table: string; chain: string; destinationAddress: string; exists: boolean };
  [other: string]: unknown;
}

export interface CaseStep {
  name?: string;
  services?: Service[];
  endpointSlices?: EndpointSlice[];
  expected?: CaseExpectations;
  derived?: { restoreInput?: string; iptablesSave?: { filter?: string; nat?: string } };
  fullSync?: boolean;
  syncKind?: string;
  [other: string]: unknown;
}

export interface ConformanceCase extends CaseStep {
  name: string;
  source?: string;
  config?: CaseConfig;
  steps?: CaseStep[];
}
