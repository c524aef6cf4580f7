/** Placeholder packet overlay (replaced by the animated layer). */
export function PacketLayer() {
  return null;
}
