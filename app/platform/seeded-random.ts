// The one seeded generator (sfc32, seeded through a murmur3 mix): small, fast and the same on every
// machine. The synthetic data generator gives every firm its own stream (seed, firm number), so a
// firm's data does not depend on how the run is batched; a statistics release draws its audit's
// random null vectors from the stream of its release number, so a build is reproducible; the
// benchmarks draw their inputs from fixed seeds.

/** A 32-bit hash of a string (FNV-1a), for seeds given as text. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mix several 32-bit numbers into one (murmur3 finaliser on a running combination). */
export function mix(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** sfc32: a small chaotic generator with a 128-bit state; passes PractRand far beyond our needs. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare: number | null = null;

  constructor(...seed: number[]) {
    this.a = mix(1, ...seed);
    this.b = mix(2, ...seed);
    this.c = mix(3, ...seed);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal (Box–Muller, both values used). */
  normal(mean = 0, sd = 1): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return mean + sd * s;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return mean + sd * r * Math.cos(2 * Math.PI * v);
  }

  /** Log-uniform in [min, max]: as many firms with 20–40 staff as with 200–400. */
  logUniform(min: number, max: number): number {
    return Math.exp(this.uniform(Math.log(min), Math.log(max)));
  }

  /** A version-4-shaped UUID from this stream (deterministic for the seed). */
  uuid(): string {
    const h = (n: number) => n.toString(16).padStart(8, "0");
    const a = h(this.uint32());
    const b = h(((this.uint32() & 0xffff0fff) | 0x00004000) >>> 0);
    const c = h(((this.uint32() & 0x3fffffff) | 0x80000000) >>> 0);
    const d = h(this.uint32());
    return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
  }
}

/** The stream of `seed` as a plain function, uniform in [0, 1), for code that takes `() => number`. */
export function seededRandom(...seed: number[]): () => number {
  const rng = new Rng(...seed);
  return () => rng.next();
}
