/** IPv4 network arithmetic the topology needs for labels (`192.168.56.0/24`). */

export function ipv4ToInt(ip: string): number | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    const v = Number(p);
    if (!/^\d{1,3}$/.test(p) || v > 255) return null;
    n = n * 256 + v;
  }
  return n;
}

export function intToIpv4(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** The network an address is in: `192.168.56.11`, 24 → `192.168.56.0/24`. */
export function networkOf(ip: string, prefix: number): string | null {
  const n = ipv4ToInt(ip);
  if (n === null || prefix < 0 || prefix > 32) return null;
  const size = 2 ** (32 - prefix);
  return `${intToIpv4(Math.floor(n / size) * size)}/${prefix}`;
}
