import { useCallback, useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';

/**
 * Asks before leaving a draft with changes: a dialog for navigation inside the app (the router's
 * blocker), the browser's own prompt for a reload or a closed tab (`beforeunload`). `release()`
 * lets the next navigation through (after a register).
 */
export function useLeaveGuard(when: boolean) {
  const released = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      when && !released.current && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!when) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (released.current) return;
      event.preventDefault();
      // Older browsers want a value here to show their prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [when]);

  const release = useCallback(() => {
    released.current = true;
  }, []);

  const dialog =
    blocker.state === 'blocked' ? (
      <Dialog title="Leave without registering?" onClose={() => blocker.reset()}>
        <p>
          This draft has changes that are not registered. It stays saved in this browser and comes
          back when you open the studio for it again.
        </p>
        <div className="flex justify-end gap-2">
          <Button onClick={() => blocker.reset()}>Stay</Button>
          <Button variant="danger" onClick={() => blocker.proceed()}>
            Leave
          </Button>
        </div>
      </Dialog>
    ) : null;

  return { dialog, release };
}
