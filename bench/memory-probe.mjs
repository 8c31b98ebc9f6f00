// Loaded into a benchmarked process with `--expose-gc --import` (bench/lib.mjs startConsole
// `memoryProbe`): on request over the IPC channel, collects garbage and answers the process's
// memory, so a per-connection cost is not lost in garbage the collector has not reached yet.
// Not a benchmark itself; nothing in the application knows about it.
process.on('message', (message) => {
  if (message?.type !== 'deckhand-bench:memory') return;
  globalThis.gc?.();
  globalThis.gc?.();
  process.send?.({ type: 'deckhand-bench:memory', id: message.id, ...process.memoryUsage() });
});
// The channel must not keep the process alive by itself.
process.channel?.unref();
