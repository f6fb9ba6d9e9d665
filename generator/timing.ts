/** How long each build step took, summed per step name, for the build's closing line and the benchmarks. */
export interface StepTimings {
  [step: string]: number;
}

export async function timed<T>(timings: StepTimings, step: string, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[step] = (timings[step] ?? 0) + (performance.now() - started);
  }
}
