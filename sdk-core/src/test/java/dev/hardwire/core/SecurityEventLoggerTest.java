package dev.hardwire.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.internal.events.EventDispatcher;
import dev.hardwire.core.internal.url.UrlGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class SecurityEventLoggerTest {
  @Test
  void logsRefusalsAsWarningsWithoutSecrets() {
    Logger logger = Logger.getLogger("dev.hardwire.test." + System.nanoTime());
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.ALL);
    List<LogRecord> records = new ArrayList<>();
    logger.addHandler(new Handler() {
      @Override public void publish(LogRecord record) {
        records.add(record);
      }

      @Override public void flush() {
      }

      @Override public void close() {
      }
    });
    SecurityPolicy policy = SecurityPolicy.builder()
        .eventListener(SecurityEventLogger.to(logger))
        .credential(Credential.bearer("api.example.com", "canary-token-9"))
        .build();
    UrlGuard guard = new UrlGuard(policy.cleartextMode(), new EventDispatcher(policy.eventListeners(), policy.clock()));
    assertThrows(CleartextRefusedException.class,
        () -> guard.checkRequest("http://u:canary-pass@api.example.com/x?k=canary-q"));

    assertEquals(1, records.size());
    assertEquals(Level.WARNING, records.get(0).getLevel());
    String line = records.get(0).getMessage();
    assertTrue(line.contains("CLEARTEXT_REFUSED"), line);
    assertFalse(line.contains("canary"), line);
  }
}
