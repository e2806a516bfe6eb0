package dev.hardwire.okhttp;

import static dev.hardwire.okhttp.Fixtures.PKI;
import static dev.hardwire.okhttp.Fixtures.body;
import static dev.hardwire.okhttp.Fixtures.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.TlsProvider;
import dev.hardwire.testing.LoopbackServers;
import dev.hardwire.testing.TestPki;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BCJSSE logs through java.util.logging at INFO: the security properties it reads, and every failed
 * handshake with a stack trace. With a policy on Bouncy Castle none of that reaches the
 * application's log; its warnings still would.
 */
class BouncyCastleLoggingTest {
  private final Logger bouncyCastle = Logger.getLogger("org.bouncycastle");
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override public void publish(LogRecord record) {
      records.add(record);
    }

    @Override public void flush() {
    }

    @Override public void close() {
    }
  };

  @BeforeEach
  void captureBouncyCastleLogs() {
    capture.setLevel(Level.ALL);
    bouncyCastle.addHandler(capture);
  }

  @AfterEach
  void stopCapturing() {
    bouncyCastle.removeHandler(capture);
  }

  private String belowWarning() {
    StringBuilder result = new StringBuilder();
    for (LogRecord record : records) {
      if (record.getLevel().intValue() < Level.WARNING.intValue()) {
        result.append(record.getLevel()).append(' ').append(record.getLoggerName()).append(": ")
            .append(record.getMessage()).append('\n');
      }
    }
    return result.toString();
  }

  @Test
  void logsNothingBelowWarningForGoodAndFailedConnections() throws Exception {
    try (MockWebServer server = Fixtures.httpsServer()) {
      server.enqueue(LoopbackServers.ok("logged nothing"));
      String url = "https://localhost:" + server.getPort() + "/";

      assertEquals("logged nothing", body(HardenedOkHttp.newClient(
          PKI.policyBuilder().tlsProvider(TlsProvider.BOUNCY_CASTLE).build()), get(url)));
      assertThrows(IOException.class, () -> body(HardenedOkHttp.newClient(
          TestPki.create().policyBuilder().tlsProvider(TlsProvider.BOUNCY_CASTLE).build()), get(url)));

      assertEquals(1, server.getRequestCount());
      assertTrue(belowWarning().isEmpty(), belowWarning());
    }
  }
}
