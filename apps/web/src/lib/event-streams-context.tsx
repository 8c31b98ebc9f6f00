import { createContext, useContext, type ReactNode } from 'react';
import { createEventStreams, type EventStreams } from './event-stream';

const EventStreamsContext = createContext<EventStreams | null>(null);

let fallback: EventStreams | undefined;

/** Gives the app its one set of shared streams (the app wires 401 handling in, tests a fake). */
export function EventStreamsProvider({
  streams,
  children,
}: {
  streams: EventStreams;
  children: ReactNode;
}) {
  return <EventStreamsContext value={streams}>{children}</EventStreamsContext>;
}

/** The app's shared streams; outside a provider, one module-wide set. */
export function useEventStreams(): EventStreams {
  const streams = useContext(EventStreamsContext);
  if (streams) return streams;
  fallback ??= createEventStreams();
  return fallback;
}
