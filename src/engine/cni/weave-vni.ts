/** Weave fastdp's VXLAN network identifier: 12 bits for each of the two peers' short ids. */

/** The VXLAN VNI Weave uses between two peers: (destination short id << 12) | source short id. */
export function weaveVni(dstShortId: number, srcShortId: number): number {
  return ((dstShortId & 0xfff) << 12) | (srcShortId & 0xfff);
}

/** The two short ids inside a Weave VNI. */
export function splitWeaveVni(vni: number): { readonly dst: number; readonly src: number } {
  return { dst: (vni >>> 12) & 0xfff, src: vni & 0xfff };
}
