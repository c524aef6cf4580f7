/**
 * React Flow draws an edge only between handles; ours are invisible, since every link draws its
 * own path from the layout (edges/LinkEdge.tsx).
 */
import { Handle, Position } from '@xyflow/react';

export function HiddenHandles() {
  return (
    <>
      <Handle type="source" position={Position.Top} isConnectable={false} className="topo-handle" />
      <Handle type="target" position={Position.Top} isConnectable={false} className="topo-handle" />
    </>
  );
}
