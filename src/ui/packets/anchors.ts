/**
 * Where packets go on the picture: the topology layout's anchors and drawn paths
 * (src/ui/topology/layout.ts and hop-anchor.ts), remembered per model, so packets ride exactly on
 * the links the topology draws.
 */
import type { Model } from '../../store/scenario-slice.ts';
import { pathBetween } from '../topology/hop-anchor.ts';
import { getLayout } from '../topology/layout.ts';
import type { Geometry } from './geometry.ts';

const NO_GEOMETRY: Geometry = { anchors: new Map() };
const cache = new WeakMap<Model, Geometry>();

export function geometryOf(model: Model | null): Geometry {
  if (!model) return NO_GEOMETRY;
  let geometry = cache.get(model);
  if (!geometry) {
    const layout = getLayout(model);
    geometry = { anchors: layout.anchors, route: (a, b) => pathBetween(layout, a, b) };
    cache.set(model, geometry);
  }
  return geometry;
}
