package dev.hardwire.core.internal.events;

import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityEventListener;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Delivers events to a policy's listeners; a failing listener never changes a decision. */
public final class EventDispatcher {
  private static final Logger LOGGER = Logger.getLogger(EventDispatcher.class.getName());

  private final List<SecurityEventListener> listeners;
  private final Clock clock;

  public EventDispatcher(List<SecurityEventListener> listeners, Clock clock) {
    this.listeners = listeners;
    this.clock = clock;
  }

  /** Starts an event stamped with the policy clock's current time. */
  public SecurityEvent.Builder event(SecurityEvent.Kind kind) {
    return SecurityEvent.builder(kind, clock.instant());
  }

  /** True if anyone listens; lets hot paths skip building events nobody reads. */
  public boolean hasListeners() {
    return !listeners.isEmpty();
  }

  public void emit(SecurityEvent.Builder event) {
    if (listeners.isEmpty()) return;
    emit(event.build());
  }

  public void emit(SecurityEvent event) {
    for (SecurityEventListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        // The event text is secret-free by construction, so it is safe to log.
        LOGGER.log(Level.WARNING, "SecurityEventListener " + listener.getClass().getName()
            + " failed on " + event.kind(), e);
      }
    }
  }
}
