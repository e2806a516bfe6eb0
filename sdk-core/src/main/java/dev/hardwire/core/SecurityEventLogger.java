package dev.hardwire.core;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs every {@link SecurityEvent} through {@code java.util.logging}, one line per event: WARNING
 * for refusals, rejected certificates and pin failures, INFO for upgrades and withheld credentials,
 * FINE for allowed requests and negotiated TLS. Works on the JVM and Android without dependencies;
 * SLF4J users route it with {@code jul-to-slf4j}'s {@code SLF4JBridgeHandler}.
 *
 * <pre>{@code
 * SecurityPolicy policy = SecurityPolicy.builder()
 *     .eventListener(SecurityEventLogger.create())   // logger "dev.hardwire.security"
 *     .build();
 * }</pre>
 *
 * <p>Events hold no secrets, so neither does the log: URLs are redacted and credentials appear only
 * by header name and host pattern.
 */
public final class SecurityEventLogger implements SecurityEventListener {
  /** The logger name {@link #create()} uses. */
  public static final String LOGGER_NAME = "dev.hardwire.security";

  private final Logger logger;

  private SecurityEventLogger(Logger logger) {
    this.logger = logger;
  }

  /** Logs to the {@value #LOGGER_NAME} logger. */
  public static SecurityEventLogger create() {
    return new SecurityEventLogger(Logger.getLogger(LOGGER_NAME));
  }

  /** Logs to {@code logger}. */
  public static SecurityEventLogger to(Logger logger) {
    if (logger == null) throw new NullPointerException("logger == null");
    return new SecurityEventLogger(logger);
  }

  @Override
  public void onEvent(SecurityEvent event) {
    Level level = level(event);
    if (!logger.isLoggable(level)) return;
    StringBuilder line = new StringBuilder("hardwire ").append(event.kind());
    if (event.message() != null) line.append(": ").append(event.message());
    else line.append(' ').append(event);
    if (event.callSite() != null && (event.message() == null || !event.message().contains("at "))) {
      line.append(" (at ").append(event.callSite()).append(')');
    }
    logger.log(level, line.toString());
  }

  static Level level(SecurityEvent event) {
    switch (event.kind()) {
      case CLEARTEXT_REFUSED:
      case URL_REFUSED:
      case REDIRECT_REFUSED:
      case CERTIFICATE_REJECTED:
      case PIN_FAILURE:
      case HANDSHAKE_FAILED:
        return Level.WARNING;
      case CLEARTEXT_UPGRADED:
      case CREDENTIAL_WITHHELD:
      case PINS_EXPIRED:
      case PIN_WITHOUT_BACKUP:
        return Level.INFO;
      default:
        return Level.FINE;
    }
  }
}
