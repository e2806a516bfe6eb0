package dev.hardwire.micrometer.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts in {@link LongAdder}s that every bound registry reads through a {@link FunctionCounter},
 * so that events seen before {@code bindTo} are counted, several registries agree, and the posture
 * gauges read the same numbers as the counters. Timers are recorded into each bound registry, so
 * that percentiles and histograms stay the registry's configuration.
 *
 * <p>Thread-safe and lock-free on the counting path. The number of series is bounded by the caller,
 * which passes only {@link TagValues} and configured host patterns as tag values.
 */
public final class MeterTable {
  private final ConcurrentMap<Series, LongAdder> counters = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<MeterRegistry> registries = new CopyOnWriteArrayList<>();

  /** The counter for {@code meter} with {@code tags}, exposed in every bound registry. */
  public LongAdder counter(HardwireMeter meter, Tags tags) {
    Series series = new Series(meter, tags);
    LongAdder counter = counters.get(series);
    if (counter != null) return counter;
    LongAdder created = new LongAdder();
    counter = counters.putIfAbsent(series, created);
    if (counter != null) return counter;
    // A registry bound concurrently may register this series too; registering twice is a no-op.
    for (MeterRegistry registry : registries) register(registry, series, created);
    return created;
  }

  /** Records {@code duration} into {@code meter} with {@code tags} in every bound registry. */
  public void record(HardwireMeter meter, Tags tags, Duration duration) {
    for (MeterRegistry registry : registries) {
      Timer.builder(meter.meterName())
          .description(meter.description())
          .tags(tags)
          .register(registry)
          .record(duration);
    }
  }

  /** Exposes every counter in {@code registry}; returns false if it was already bound. */
  public boolean bindTo(MeterRegistry registry) {
    if (!registries.addIfAbsent(registry)) return false;
    for (Map.Entry<Series, LongAdder> entry : counters.entrySet()) register(registry, entry.getKey(), entry.getValue());
    return true;
  }

  private static void register(MeterRegistry registry, Series series, LongAdder counter) {
    FunctionCounter.builder(series.meter.meterName(), counter, LongAdder::sum)
        .description(series.meter.description())
        .tags(series.tags)
        .register(registry);
  }

  private static final class Series {
    final HardwireMeter meter;
    final Tags tags;

    Series(HardwireMeter meter, Tags tags) {
      this.meter = meter;
      this.tags = tags;
    }

    @Override public boolean equals(Object other) {
      return other instanceof Series && ((Series) other).meter == meter && ((Series) other).tags.equals(tags);
    }

    @Override public int hashCode() {
      return meter.hashCode() * 31 + tags.hashCode();
    }
  }
}
