type Pending<In, Out> = { input: In; resolve: (output: Out) => void; reject: (error: unknown) => void };

/**
 * Coalesces calls that arrive together into one statement: the first call runs at once, calls arriving while it runs
 * are gathered and run as one batch when it ends, and so on. Under a flood this costs a few statements a second
 * instead of one per call, and at rest a call waits for nothing. `run` answers one output per input, in order; if it
 * throws, every call of that batch rejects with its error.
 */
export function batchWhileBusy<In, Out>(run: (inputs: In[]) => Promise<Out[]>, maxBatch: number): (input: In) => Promise<Out> {
  const pending: Pending<In, Out>[] = [];
  let flushing = false;
  const flush = async () => {
    flushing = true;
    try {
      while (pending.length > 0) {
        const batch = pending.splice(0, maxBatch);
        try {
          const outputs = await run(batch.map((item) => item.input));
          batch.forEach((item, i) => item.resolve(outputs[i]!));
        } catch (error) {
          for (const item of batch) item.reject(error);
        }
      }
    } finally {
      flushing = false;
    }
  };
  return (input) => {
    const promise = new Promise<Out>((resolve, reject) => pending.push({ input, resolve, reject }));
    if (!flushing) void flush();
    return promise;
  };
}
