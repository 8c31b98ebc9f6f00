import { parseTraceView } from './trace-view-parse';

/**
 * The trace worker: parses a big trace body and builds its row model off the main thread, so a
 * 10,000-span trace does not freeze the page while it loads. One message in (the body), one out.
 * (Typed by hand: the app compiles against the DOM lib, which has no worker global scope.)
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<string>) => void) | null;
  postMessage: (message: unknown) => void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  scope.postMessage(parseTraceView(event.data));
};
