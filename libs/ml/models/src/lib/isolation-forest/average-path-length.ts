const EULER_GAMMA = 0.5772156649015329;

/** Below this the harmonic number is summed exactly; above it the asymptotic series is within 1e-12. */
const EXACT_HARMONIC_BELOW = 64;

function harmonic(i: number): number {
  if (i < EXACT_HARMONIC_BELOW) {
    let sum = 0;
    for (let k = 1; k <= i; k++) sum += 1 / k;
    return sum;
  }
  const i2 = i * i;
  return Math.log(i) + EULER_GAMMA + 1 / (2 * i) - 1 / (12 * i2) + 1 / (120 * i2 * i2);
}

/**
 * c(n), the average path length of an unsuccessful search in a binary search tree of n points (Liu, Ting & Zhou 2008,
 * eq. 1): c(n) = 2H(n − 1) − 2(n − 1)/n, with c(1) = 0. It normalises path lengths into scores and estimates the
 * depth still to go below a leaf that the height limit left holding n > 1 points.
 */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  return 2 * harmonic(n - 1) - (2 * (n - 1)) / n;
}
