package dev.hardwire.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hardwire.core.Credential;
import dev.hardwire.core.SecurityAlert;
import dev.hardwire.core.SecurityAlerts;
import dev.hardwire.core.SecurityEventLogger;
import dev.hardwire.core.SecurityPolicy;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/** Logs, alerts and meters side by side on one policy: none of them ever shows a canary secret. */
class NoSecretsTest {
  @Test
  void logAlertsAndMetersNeverShowACanarySecret() {
    List<String> lines = new CopyOnWriteArrayList<>();
    List<Level> levels = new CopyOnWriteArrayList<>();
    Logger logger = Logger.getLogger("dev.hardwire.micrometer.test." + System.nanoTime());
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.ALL);
    logger.addHandler(new Handler() {
      private final SimpleFormatter formatter = new SimpleFormatter();

      @Override public void publish(LogRecord record) {
        lines.add(formatter.format(record));
        levels.add(record.getLevel());
      }

      @Override public void flush() {
      }

      @Override public void close() {
      }
    });
    List<SecurityAlert> alerts = new CopyOnWriteArrayList<>();
    SecurityPolicy base = SecurityPolicy.builder()
        .credential(Credential.bearer("api.example.com", "canary-token").onlyForMethods("GET"))
        .credential(Credential.basic("*.example.com", "canary-user", "canary-basic-password"))
        .build();
    HardwireMetrics metrics = HardwireMetrics.forPolicy(base);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    metrics.bindTo(registry);
    SecurityPolicy policy = base.newBuilder()
        .eventListener(SecurityEventLogger.to(logger))
        .eventListener(metrics)
        .eventListener(SecurityAlerts.builder().hostPatternsOf(base).onAlert(alerts::add).build())
        .build();
    CoreDecisions core = CoreDecisions.of(policy);

    core.scriptedMix();
    core.credentials.forHop(URI.create("https://api.example.com/v1/items?token=canary-q3"), "DELETE", null);
    core.redirect("https://api.example.com/a?token=canary-q4", "http://api.example.com/b?token=canary-q5", 0);

    StringBuilder everything = new StringBuilder();
    for (String line : lines) everything.append(line);
    for (SecurityAlert alert : alerts) everything.append(alert).append('\n');
    for (Meter meter : registry.getMeters()) everything.append(meter.getId()).append('\n');
    assertFalse(everything.toString().contains("canary"), everything.toString());
    assertFalse(everything.toString().contains("Y2FuYXJ5"), "nor its base64 form");
    assertEquals(5, levels.stream().filter(Level.WARNING::equals).count(),
        "3 cleartext refusals, 1 URL refusal, 1 redirect downgrade:\n" + everything);
    // Two http:// refusals for api.example.com raise one alert; ftp://files.example.com is *.example.com's.
    assertEquals(3, alerts.size(), "one per kind and host pattern:\n" + alerts);
  }
}
