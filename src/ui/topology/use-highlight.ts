/** Boolean highlight hooks for the topology's boxes (one primitive per box, §4.2). */
import { useAppStore } from '../app/store-context.ts';
import { hopCarries, selectHopAnchor, selectHopNode } from './highlight.ts';

/** True while the hop under the packet happens at anchor `id`. */
export const useIsHop = (id: string): boolean => useAppStore((s) => selectHopAnchor(s) === id);

/** True while the packet is on node `name`. */
export const useIsOnNode = (name: string): boolean => useAppStore((s) => selectHopNode(s) === name);

/** True while the packet carries `ip` (a Service's ClusterIP before DNAT, after un-DNAT). */
export const useCarries = (ip: string | null): boolean => useAppStore((s) => hopCarries(s, ip));

/** True while the open lesson step points at anchor `id`. */
export const useIsFocus = (id: string): boolean => useAppStore((s) => s.lessonFocus.includes(id));
