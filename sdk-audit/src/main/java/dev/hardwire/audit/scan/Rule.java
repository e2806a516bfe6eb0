package dev.hardwire.audit.scan;

/** What a finding is about. Ids are stable: baselines and SARIF consumers key on them. */
public enum Rule {
  CLEARTEXT_HTTP("cleartext-http", "Cleartext HTTP endpoint",
      "An http:// URL sends requests, headers and tokens unencrypted. Use https://, or let a"
          + " Hardwire policy with CleartextMode.UPGRADE rewrite it."),
  CLEARTEXT_WS("cleartext-ws", "Cleartext WebSocket endpoint",
      "A ws:// URL carries every message unencrypted. Use wss://."),
  CLEARTEXT_FTP("cleartext-ftp", "Cleartext FTP endpoint",
      "FTP sends the login and the data unencrypted. Use SFTP or HTTPS."),
  CLEARTEXT_HOST_PORT_80("cleartext-host-port-80", "Plain host:80 endpoint",
      "A URL, endpoint or host setting names port 80, the cleartext HTTP port. Use port 443"
          + " with https://."),
  LOOPBACK_HTTP("loopback-http", "Cleartext endpoint on loopback",
      "Cleartext to localhost or a loopback address never leaves this machine; reported as"
          + " information so test servers stay visible.");

  private final String id;
  private final String title;
  private final String help;

  Rule(String id, String title, String help) {
    this.id = id;
    this.title = title;
    this.help = help;
  }

  /** The stable id, such as {@code cleartext-http}. */
  public String id() {
    return id;
  }

  /** A one-line name for the rule. */
  public String title() {
    return title;
  }

  /** Why the rule matters and how to fix what it finds. */
  public String help() {
    return help;
  }

  /**
   * Returns the rule with this id.
   *
   * @throws IllegalArgumentException for an unknown id
   */
  public static Rule ofId(String id) {
    for (Rule rule : values()) {
      if (rule.id.equals(id)) {
        return rule;
      }
    }
    throw new IllegalArgumentException("unknown rule '" + id + "'");
  }
}
