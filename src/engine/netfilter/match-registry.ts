/** Match evaluators by module name: every `-m` module of the iptables registry has one here. */
import type { MatchEvaluator } from './match-evaluator.ts';
import { addrtypeEvaluator } from './matches/addrtype.ts';
import { commentEvaluator } from './matches/comment.ts';
import { conntrackEvaluator } from './matches/conntrack.ts';
import { icmpEvaluator } from './matches/icmp.ts';
import { iprangeEvaluator } from './matches/iprange.ts';
import { markEvaluator } from './matches/mark.ts';
import { multiportEvaluator } from './matches/multiport.ts';
import { nfacctEvaluator } from './matches/nfacct.ts';
import { physdevEvaluator } from './matches/physdev.ts';
import { recentEvaluator } from './matches/recent.ts';
import { sctpEvaluator } from './matches/sctp.ts';
import { setEvaluator } from './matches/set.ts';
import { stateEvaluator } from './matches/state.ts';
import { statisticEvaluator } from './matches/statistic.ts';
import { tcpEvaluator } from './matches/tcp.ts';
import { udpEvaluator } from './matches/udp.ts';

export const MATCH_EVALUATORS: ReadonlyMap<string, MatchEvaluator> = new Map(
  [
    addrtypeEvaluator,
    commentEvaluator,
    conntrackEvaluator,
    icmpEvaluator,
    iprangeEvaluator,
    markEvaluator,
    multiportEvaluator,
    nfacctEvaluator,
    physdevEvaluator,
    recentEvaluator,
    sctpEvaluator,
    setEvaluator,
    stateEvaluator,
    statisticEvaluator,
    tcpEvaluator,
    udpEvaluator,
  ].map((e) => [e.name, e]),
);
