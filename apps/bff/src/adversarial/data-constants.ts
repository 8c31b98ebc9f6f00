/** Service events per transaction in the crash writer: after a crash a batch is all there or absent. */
export const BATCH_SIZE = 25;
