/**
 * The guided lessons, in order: from docker0 on one host to kube-proxy's probability ladder and
 * conntrack, then two challenges. Text is ours (English and Korean); every check reads the engine's
 * output through the store.
 */
import {
  burstShares,
  daemonPodsOn,
  deliveredTo,
  evenSplit,
  hopsOf,
  lastConnection,
  outcomeOf,
  ruleFired,
  workerNames,
} from './checks.ts';
import { ONE_DOCKER_HOST, SELECTOR_TYPO, TWO_DOCKER_HOSTS } from './lesson-scenarios.ts';
import type { Lesson } from './lesson-types.ts';

const SEND = {
  en: 'Press Send and step through the hops.',
  ko: '보내기를 누르고 홉을 하나씩 따라가 보세요.',
};

const dockerOneHost: Lesson = {
  id: 'docker-one-host',
  title: { en: '1. One Docker host', ko: '1. Docker 호스트 하나' },
  summary: {
    en: 'docker0, veth pairs, a container’s address and route, MASQUERADE on the way out.',
    ko: 'docker0, veth 쌍, 컨테이너의 주소와 라우트, 밖으로 나갈 때의 MASQUERADE.',
  },
  steps: [
    {
      id: 'bridge',
      title: { en: 'A bridge on the host', ko: '호스트 안의 브리지' },
      body: {
        en: 'Docker creates the bridge `docker0` with 172.17.0.1/16 on the host. Each container gets its own network namespace, an `eth0` inside, and a veth pair whose other end is plugged into docker0. Addresses are handed out in order: 172.17.0.2, 172.17.0.3…',
        ko: 'Docker는 호스트에 `docker0` 브리지(172.17.0.1/16)를 만듭니다. 컨테이너마다 자기 네트워크 네임스페이스와 그 안의 `eth0`가 생기고, veth 쌍의 반대쪽 끝이 docker0에 꽂힙니다. 주소는 172.17.0.2, 172.17.0.3… 순서로 나갑니다.',
      },
      setup: {
        yaml: ONE_DOCKER_HOST,
        request: { from: 'web-a', to: 'web-b:80', protocol: null, packets: 1 },
      },
      focus: ['bridge:node1'],
    },
    {
      id: 'same-host',
      title: { en: 'Container to container', ko: '컨테이너에서 컨테이너로' },
      body: {
        en: 'web-a’s route says 172.17.0.0/16 is on-link: it asks by ARP who has web-b’s address, and docker0 switches the frame between the two veths. No NAT, no routing hop.',
        ko: 'web-a의 라우트에 따르면 172.17.0.0/16은 같은 링크에 있습니다. ARP로 web-b의 주소를 묻고, docker0가 두 veth 사이에서 프레임을 스위칭합니다. NAT도 라우팅 홉도 없습니다.',
      },
      task: {
        text: SEND,
        check: (s) => deliveredTo(s, (o) => o.to.endsWith('/web-b')),
        hint: {
          en: 'The request should go from web-a to web-b:80.',
          ko: '요청은 web-a에서 web-b:80으로 가야 합니다.',
        },
      },
    },
    {
      id: 'masquerade',
      title: { en: 'Out to the world: MASQUERADE', ko: '바깥으로: MASQUERADE' },
      body: {
        en: 'Nobody outside knows 172.17.0.0/16. Docker’s rule `-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE` rewrites the source to the host’s own address as the packet leaves eth0; conntrack undoes it for the reply.',
        ko: '바깥 세상은 172.17.0.0/16을 모릅니다. Docker의 규칙 `-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE`가 패킷이 eth0로 나갈 때 출발지를 호스트 주소로 바꾸고, 응답은 conntrack이 되돌립니다.',
      },
      setup: { request: { from: 'web-a', to: '203.0.113.10:80', protocol: null, packets: 1 } },
      focus: ['eth0:node1', 'outside'],
      task: {
        text: {
          en: 'Send from web-a to 203.0.113.10:80 and find the hop where the source changes.',
          ko: 'web-a에서 203.0.113.10:80으로 보내고 출발지가 바뀌는 홉을 찾아보세요.',
        },
        check: (s) => {
          const c = lastConnection(s, 'web-a');
          return (
            c !== null &&
            ruleFired(c, 'MASQUERADE') &&
            hopsOf(c).some((h) => h.after.src === '192.168.56.11')
          );
        },
        hint: {
          en: 'Send with the request set by this step.',
          ko: '이 단계가 정해 둔 요청으로 보내세요.',
        },
      },
    },
  ],
};

const dockerTwoHosts: Lesson = {
  id: 'docker-two-hosts',
  title: { en: '2. Two Docker hosts', ko: '2. Docker 호스트 둘' },
  summary: {
    en: 'The same 172.17.0.2 on both hosts, and the packet that never arrives.',
    ko: '두 호스트에 똑같은 172.17.0.2, 그리고 도착하지 못하는 패킷.',
  },
  steps: [
    {
      id: 'collision',
      title: { en: 'Two bridges, one range', ko: '브리지 둘, 대역 하나' },
      body: {
        en: 'Each host runs its own docker0 with the same 172.17.0.0/16, so web-a on node1 and web-b on node2 are both 172.17.0.2. The address alone no longer says which container you mean.',
        ko: '호스트마다 같은 172.17.0.0/16을 쓰는 docker0가 따로 있어서, node1의 web-a와 node2의 web-b가 둘 다 172.17.0.2입니다. 주소만으로는 어느 컨테이너인지 알 수 없습니다.',
      },
      setup: {
        yaml: TWO_DOCKER_HOSTS,
        request: { from: 'web-a', to: '172.17.0.2:80', protocol: null, packets: 1 },
      },
      focus: ['bridge:node1', 'bridge:node2'],
      task: {
        text: {
          en: 'Send from web-a to 172.17.0.2:80, meaning web-b on node2. Where does it land?',
          ko: 'node2의 web-b를 뜻하며 web-a에서 172.17.0.2:80으로 보내 보세요. 어디에 도착하나요?',
        },
        // It lands on web-a itself, on node1: the address means the sender's own container.
        check: (s) => deliveredTo(s, (o) => o.node === 'node1' && o.ip === '172.17.0.2'),
        hint: {
          en: 'The request is set: from web-a to 172.17.0.2:80.',
          ko: '요청은 정해져 있습니다: web-a에서 172.17.0.2:80으로.',
        },
      },
    },
    {
      id: 'unreachable',
      title: { en: 'The packet that never leaves', ko: '떠나지 못하는 패킷' },
      body: {
        en: 'db on node2 has 172.17.0.3. From web-a that address is on-link, so web-a asks by ARP on node1’s docker0, where nobody answers: a bridge is one host’s layer-2 segment, and ARP does not cross to node2.',
        ko: 'node2의 db는 172.17.0.3입니다. web-a에게 이 주소는 같은 링크에 있으므로 node1의 docker0에서 ARP로 묻지만 아무도 답하지 않습니다. 브리지는 한 호스트의 L2 구간이고, ARP는 node2로 건너가지 않습니다.',
      },
      setup: { request: { from: 'web-a', to: 'db:5432', protocol: null, packets: 1 } },
      task: {
        text: { en: 'Send from web-a to db:5432.', ko: 'web-a에서 db:5432로 보내 보세요.' },
        check: (s) => outcomeOf(s, 'web-a')?.kind === 'unreachable',
        hint: {
          en: 'The request is set: from web-a to db:5432.',
          ko: '요청은 정해져 있습니다: web-a에서 db:5432로.',
        },
      },
    },
  ],
};

const weave: Lesson = {
  id: 'cni-weave',
  title: { en: '3. CNI and Weave Net', ko: '3. CNI와 Weave Net' },
  summary: {
    en: 'Per-node ranges from one pod network, the weave bridge, VXLAN across nodes.',
    ko: '하나의 파드 네트워크에서 나눈 노드별 대역, weave 브리지, 노드를 건너는 VXLAN.',
  },
  steps: [
    {
      id: 'switch',
      title: { en: 'One network for the cluster', ko: '클러스터 전체에 네트워크 하나' },
      body: {
        en: 'A CNI plugin gives every pod a cluster-wide unique address. Weave Net splits 10.32.0.0/12 among the nodes as they join (node1 10.44.0.0/14, node2 10.36.0.0/14 in this lab) and bridges pods on `weave` instead of docker0.',
        ko: 'CNI 플러그인은 모든 파드에 클러스터 전체에서 유일한 주소를 줍니다. Weave Net은 노드가 합류할 때 10.32.0.0/12를 나눠 주고(이 실습에서는 node1 10.44.0.0/14, node2 10.36.0.0/14), 파드를 docker0 대신 `weave` 브리지에 연결합니다.',
      },
      setup: { yaml: TWO_DOCKER_HOSTS },
      task: {
        text: {
          en: 'Switch the pod network to Weave Net in the toolbar.',
          ko: '도구 모음에서 파드 네트워크를 Weave Net으로 바꾸세요.',
        },
        check: (s) => s.model?.cluster.cni === 'weave' && !s.stale,
        hint: { en: 'Use the “Pod network” picker.', ko: '“파드 네트워크” 선택 상자를 쓰세요.' },
      },
    },
    {
      id: 'vxlan',
      title: { en: 'Across nodes in VXLAN', ko: 'VXLAN으로 노드를 건너기' },
      body: {
        en: 'Now web-a (node1) reaches db (node2). The weave bridge hands the frame to Weave’s datapath, which wraps it in VXLAN inside UDP to the other node’s port 6784; node2 unwraps it and bridges it to db. The inner addresses never change.',
        ko: '이제 web-a(node1)가 db(node2)에 닿습니다. weave 브리지가 프레임을 Weave 데이터패스에 넘기면, 상대 노드의 UDP 6784로 가는 VXLAN으로 감쌉니다. node2가 풀어서 db에 브리징합니다. 안쪽 주소는 그대로입니다.',
      },
      setup: { request: { from: 'web-a', to: 'db:5432', protocol: null, packets: 1 } },
      focus: ['vxlan:node1', 'vxlan:node2'],
      task: {
        text: {
          en: 'Send from web-a to db:5432 and find the encapsulation hop.',
          ko: 'web-a에서 db:5432로 보내고 캡슐화 홉을 찾아보세요.',
        },
        check: (s) => {
          const c = lastConnection(s, 'web-a');
          return c?.outcome.kind === 'delivered' && hopsOf(c).some((h) => h.kind === 'encap');
        },
        hint: {
          en: 'Weave Net must be on (step 1).',
          ko: 'Weave Net이 켜져 있어야 합니다(1단계).',
        },
      },
    },
  ],
};

const daemonSets: Lesson = {
  id: 'daemonsets',
  title: { en: '4. DaemonSets on every node', ko: '4. 모든 노드의 DaemonSet' },
  summary: {
    en: 'weave-net and kube-proxy run on every node, and follow nodes as they join and leave.',
    ko: 'weave-net과 kube-proxy는 모든 노드에서 돌고, 노드가 들어오고 나갈 때 따라갑니다.',
  },
  steps: [
    {
      id: 'join',
      title: { en: 'A node joins', ko: '노드가 합류합니다' },
      body: {
        en: 'A DaemonSet runs one pod per node. weave-net wires the node into the pod network; kube-proxy writes the node’s iptables rules for Services. Both use the host’s network namespace.',
        ko: 'DaemonSet은 노드마다 파드를 하나씩 실행합니다. weave-net은 노드를 파드 네트워크에 연결하고, kube-proxy는 서비스를 위한 노드의 iptables 규칙을 씁니다. 둘 다 호스트 네트워크 네임스페이스를 씁니다.',
      },
      setup: { scenario: 'article' },
      task: {
        text: {
          en: 'Add a worker. Which pods appear on node3?',
          ko: '워커를 하나 추가하세요. node3에 어떤 파드가 생기나요?',
        },
        check: (s) =>
          workerNames(s).includes('node3') &&
          daemonPodsOn(s, 'node3').join() === 'kube-proxy,weave-net',
        hint: { en: 'Use + next to “Workers”.', ko: '“워커” 옆의 +를 누르세요.' },
      },
    },
    {
      id: 'leave',
      title: { en: 'A node leaves', ko: '노드가 떠납니다' },
      body: {
        en: 'When a node goes, its DaemonSet pods go with it; the other nodes keep theirs.',
        ko: '노드가 사라지면 그 노드의 DaemonSet 파드도 함께 사라집니다. 다른 노드의 파드는 그대로입니다.',
      },
      task: {
        text: { en: 'Remove node3 again.', ko: 'node3을 다시 제거하세요.' },
        check: (s) =>
          !workerNames(s).includes('node3') &&
          workerNames(s).length >= 1 &&
          daemonPodsOn(s, 'node1').length === 2,
        hint: { en: 'Use − next to “Workers”.', ko: '“워커” 옆의 −를 누르세요.' },
      },
    },
  ],
};

const clusterIp: Lesson = {
  id: 'clusterip',
  title: { en: '5. A Deployment and a ClusterIP Service', ko: '5. Deployment와 ClusterIP 서비스' },
  summary: {
    en: 'KUBE-SERVICES → KUBE-SVC → KUBE-SEP → DNAT.',
    ko: 'KUBE-SERVICES → KUBE-SVC → KUBE-SEP → DNAT.',
  },
  steps: [
    {
      id: 'rules',
      title: { en: 'The rules kube-proxy wrote', ko: 'kube-proxy가 쓴 규칙' },
      body: {
        en: 'clusterip-service has the virtual address 10.100.100.100:80. No interface owns it: kube-proxy writes nat rules that match it in KUBE-SERVICES and jump to the Service’s KUBE-SVC chain, which picks one KUBE-SEP chain per endpoint.',
        ko: 'clusterip-service의 가상 주소는 10.100.100.100:80입니다. 이 주소를 가진 인터페이스는 없습니다. kube-proxy가 KUBE-SERVICES에서 이 주소를 잡아 서비스의 KUBE-SVC 체인으로 보내는 nat 규칙을 쓰고, KUBE-SVC는 엔드포인트마다 있는 KUBE-SEP 체인 중 하나를 고릅니다.',
      },
      setup: {
        scenario: 'article',
        rulesNode: 'node1',
        rulesView: 'nat-S',
        rulesFilter: '10.100.100.100',
        request: { from: 'client', to: 'clusterip-service', protocol: null, packets: 1 },
      },
    },
    {
      id: 'dnat',
      title: { en: 'Follow the DNAT', ko: 'DNAT 따라가기' },
      body: {
        en: 'In PREROUTING on node1 the packet walks KUBE-SERVICES → KUBE-SVC-… → KUBE-SEP-…, whose DNAT rewrites 10.100.100.100:80 to a pod’s address. From there it is an ordinary pod-to-pod packet, here across the overlay to node2.',
        ko: 'node1의 PREROUTING에서 패킷은 KUBE-SERVICES → KUBE-SVC-… → KUBE-SEP-…를 지나고, DNAT가 10.100.100.100:80을 파드 주소로 바꿉니다. 그다음은 평범한 파드 간 패킷이고, 여기서는 오버레이를 건너 node2로 갑니다.',
      },
      task: {
        text: SEND,
        check: (s) => {
          const c = lastConnection(s, 'client');
          return (
            c?.outcome.kind === 'delivered' && ruleFired(c, /KUBE-SEP-/) && ruleFired(c, 'DNAT')
          );
        },
        hint: {
          en: 'Send from client to clusterip-service.',
          ko: 'client에서 clusterip-service로 보내세요.',
        },
      },
    },
  ],
};

const ladder: Lesson = {
  id: 'probability',
  title: { en: '6. The probability ladder', ko: '6. 확률 사다리' },
  summary: {
    en: 'Why 1/3, then 1/2, then nothing still gives each pod a third.',
    ko: '1/3, 1/2, 그리고 조건 없음이 왜 파드마다 1/3이 되는지.',
  },
  steps: [
    {
      id: 'ladder',
      title: { en: 'Read the KUBE-SVC chain', ko: 'KUBE-SVC 체인 읽기' },
      body: {
        en: 'The first rule is taken with probability 1/3. If not, the second with 1/2 of the remaining 2/3 = 1/3. The last has no condition and takes the remaining 1/3. The filter shows the chain.',
        ko: '첫 규칙은 1/3 확률로 선택됩니다. 아니면 두 번째가 남은 2/3의 1/2 = 1/3을 가져가고, 마지막 규칙은 조건 없이 나머지 1/3을 받습니다. 필터에 체인이 보입니다.',
      },
      setup: {
        scenario: 'article',
        rulesNode: 'node1',
        rulesView: 'nat-S',
        rulesFilter: 'KUBE-SVC-KUSV3H3OUX7H3MDQ',
        request: { from: 'client', to: 'clusterip-service', protocol: null, packets: 1 },
      },
      task: {
        text: {
          en: 'Send a burst of at least 1,000 connections and compare the bars with 1/3.',
          ko: '연결을 1,000개 이상 한꺼번에 보내고 막대를 1/3과 비교하세요.',
        },
        check: (s) => evenSplit(s, 3, 1000),
        hint: {
          en: 'Use the burst button in the packet panel.',
          ko: '패킷 패널의 버스트 버튼을 쓰세요.',
        },
      },
    },
    {
      id: 'four',
      title: { en: 'Four pods', ko: '파드 넷' },
      body: {
        en: 'Scale deploy-nginx to 4: the ladder becomes 1/4, 1/3, 1/2, rest — each pod still gets its even share.',
        ko: 'deploy-nginx를 4로 늘리면 사다리는 1/4, 1/3, 1/2, 나머지가 됩니다. 파드마다 여전히 같은 몫을 받습니다.',
      },
      task: {
        text: {
          en: 'Scale to 4 replicas, then send a burst of at least 1,000.',
          ko: '레플리카를 4로 늘린 다음 1,000개 이상을 한꺼번에 보내세요.',
        },
        check: (s) => evenSplit(s, 4, 1000),
        hint: {
          en: 'Use + next to deploy-nginx, then burst again.',
          ko: 'deploy-nginx 옆의 +를 누르고 다시 버스트를 보내세요.',
        },
      },
    },
  ],
};

const conntrack: Lesson = {
  id: 'conntrack',
  title: { en: '7. conntrack', ko: '7. conntrack' },
  summary: {
    en: 'Only the first packet draws; the rest follow; replies are un-DNATed.',
    ko: '첫 패킷만 추첨하고 나머지는 따라가며, 응답은 DNAT가 되돌려집니다.',
  },
  steps: [
    {
      id: 'first-packet',
      title: { en: 'One draw per connection', ko: '연결마다 한 번의 추첨' },
      body: {
        en: 'The nat table is consulted only for a connection’s first packet. conntrack remembers the DNAT and applies it to every later packet, so a connection stays on one pod. The reply is translated back: the client sees 10.100.100.100:80 answer.',
        ko: 'nat 테이블은 연결의 첫 패킷에만 적용됩니다. conntrack이 DNAT를 기억해 이후 패킷에 모두 적용하므로 연결은 한 파드에 머뭅니다. 응답은 거꾸로 변환되어, 클라이언트에게는 10.100.100.100:80이 답한 것으로 보입니다.',
      },
      setup: {
        scenario: 'article',
        request: { from: 'client', to: 'clusterip-service', protocol: null, packets: 3 },
      },
      task: {
        text: {
          en: 'Send a connection of 3 packets; check that all three reach the same pod and that the reply comes from 10.100.100.100:80.',
          ko: '패킷 3개짜리 연결을 보내고, 셋 다 같은 파드에 닿는지, 응답이 10.100.100.100:80에서 오는지 확인하세요.',
        },
        check: (s) => {
          const c = lastConnection(s, 'client');
          if (!c || c.outcome.kind !== 'delivered') return false;
          const originals = c.packets.filter((p) => p.direction === 'original');
          const replies = c.packets.filter((p) => p.direction === 'reply');
          const targets = new Set(
            originals.map((p) => (p.outcome.kind === 'delivered' ? p.outcome.ip : '?')),
          );
          const lastReplyHop = replies[0]?.hops.at(-1);
          return (
            originals.length >= 3 &&
            targets.size === 1 &&
            !targets.has('?') &&
            lastReplyHop?.after.src === '10.100.100.100'
          );
        },
        hint: {
          en: 'The request is set to 3 packets; press Send.',
          ko: '요청은 패킷 3개로 정해져 있습니다. 보내기를 누르세요.',
        },
      },
    },
  ],
};

const challenges: Lesson = {
  id: 'challenges',
  title: { en: '8. Challenges', ko: '8. 도전 과제' },
  summary: {
    en: 'Graded on what packets do, not on the YAML.',
    ko: 'YAML이 아니라 패킷이 하는 일로 채점합니다.',
  },
  steps: [
    {
      id: 'selector',
      title: { en: 'Requests that are refused', ko: '거절되는 요청' },
      body: {
        en: 'A request from node1 to web-svc is refused: it never reaches a web pod. Send one and follow it in the trace, then read the filter table’s rules for 10.100.50.50: what does kube-proxy say about this Service? Find out why, and fix the YAML. (Sent from the client pod instead, the same request is not refused on a Weave Net cluster: Weave’s FORWARD rules sit above kube-proxy’s, accept the packet, and it leaves the node for an address nobody has.)',
        ko: 'node1에서 web-svc로 보낸 요청이 거절됩니다. web 파드에 닿지 않습니다. 하나 보내서 트레이스로 따라간 다음, 10.100.50.50에 대한 filter 테이블 규칙을 읽어 보세요. kube-proxy는 이 서비스에 대해 뭐라고 하나요? 이유를 찾아 YAML을 고치세요. (client 파드에서 보내면 Weave Net 클러스터에서는 거절되지 않습니다. Weave의 FORWARD 규칙이 kube-proxy의 규칙보다 위에 있어 패킷을 받아들이고, 패킷은 아무도 갖지 않은 주소를 향해 노드를 떠납니다.)',
      },
      setup: {
        yaml: SELECTOR_TYPO,
        rulesNode: 'node1',
        rulesView: 'filter-S',
        rulesFilter: '10.100.50.50',
        request: { from: 'node1', to: 'web-svc', protocol: null, packets: 1 },
      },
      task: {
        text: {
          en: 'Make a request to web-svc reach a web pod.',
          ko: 'web-svc로 보낸 요청이 web 파드에 닿게 하세요.',
        },
        check: (s) => {
          const c = lastConnection(s);
          return c?.outcome.kind === 'delivered' && c.backend?.pod?.includes('/web-') === true;
        },
        hint: {
          en: 'kube-proxy’s rule says web-svc “has no endpoints” and rejects the connection. Does the Service’s selector match the pods’ labels?',
          ko: 'kube-proxy의 규칙에 web-svc가 “has no endpoints”(엔드포인트 없음)라고 적혀 있고 연결을 거절합니다. 서비스의 셀렉터가 파드 레이블과 맞나요?',
        },
      },
    },
    {
      id: 'quarter',
      title: { en: 'A quarter each', ko: '넷이 똑같이' },
      body: {
        en: 'Make each of 4 pods behind web-svc get a quarter of the connections.',
        ko: 'web-svc 뒤의 파드 4개가 연결을 4분의 1씩 받게 하세요.',
      },
      setup: { request: { from: 'client', to: 'web-svc', protocol: null, packets: 1 } },
      task: {
        text: {
          en: 'Prove it with a burst of at least 2,000 connections.',
          ko: '2,000개 이상의 연결 버스트로 증명하세요.',
        },
        check: (s) =>
          evenSplit(s, 4, 2000) && [...burstShares(s).keys()].every((k) => k.endsWith(':80')),
        hint: {
          en: 'Fix the selector first, then scale the Deployment.',
          ko: '먼저 셀렉터를 고치고 Deployment를 늘리세요.',
        },
      },
    },
  ],
};

export const LESSONS: readonly Lesson[] = [
  dockerOneHost,
  dockerTwoHosts,
  weave,
  daemonSets,
  clusterIp,
  ladder,
  conntrack,
  challenges,
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
