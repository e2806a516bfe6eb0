package dev.hardwire.testing;

import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityEventListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event, for assertions. */
public final class RecordingListener implements SecurityEventListener {
  private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void onEvent(SecurityEvent event) {
    events.add(event);
  }

  public List<SecurityEvent> events() {
    return new ArrayList<>(events);
  }

  public List<SecurityEvent> events(SecurityEvent.Kind kind) {
    List<SecurityEvent> result = new ArrayList<>();
    for (SecurityEvent event : events) {
      if (event.kind() == kind) result.add(event);
    }
    return result;
  }

  /** Every event's {@code toString()} and message, for "no secret anywhere" assertions. */
  public String allText() {
    StringBuilder result = new StringBuilder();
    for (SecurityEvent event : events) result.append(event).append('\n').append(event.message()).append('\n');
    return result.toString();
  }
}
