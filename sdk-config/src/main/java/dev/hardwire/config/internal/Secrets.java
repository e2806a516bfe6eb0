package dev.hardwire.config.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the references a policy file uses for secrets, {@code ${env:NAME}} and {@code
 * ${file:PATH}}, and refuses literal secrets: a policy file is reviewed, diffed and copied, and
 * every copy would leak a secret written into it.
 */
final class Secrets {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]*)\\}");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern SHELL_VARIABLE = Pattern.compile("\\$\\{?[A-Za-z_][A-Za-z0-9_]*\\}?");
  private static final int MAX_SECRET_FILE_BYTES = 64 * 1024;
  /** What {@link #checkingOnly} returns for every reference: it never reaches a network. */
  private static final String UNRESOLVED = "unresolved";

  /** Null when references are only checked, not resolved (lint, which runs where the secrets are not). */
  private final Map<String, String> environment;
  private final LocalFiles files;

  private Secrets(Map<String, String> environment, LocalFiles files) {
    this.environment = environment;
    this.files = files;
  }

  static Secrets resolving(Map<String, String> environment, LocalFiles files) {
    return new Secrets(environment, files);
  }

  /** Checks the syntax of references and resolves none of them. */
  static Secrets checkingOnly(LocalFiles files) {
    return new Secrets(null, files);
  }

  /**
   * Returns the secret that {@code node} refers to, or null after recording a problem. Neither the
   * literal in the file nor a resolved value ever appears in a problem.
   */
  String secret(Node node, String path, Problems problems) {
    if (node.type != Node.Type.STRING) {
      problems.at(node, path + " must be a reference such as \"${env:NAME}\", not " + node.type.description + ".");
      return null;
    }
    Matcher reference = REFERENCE.matcher(node.text);
    if (!reference.matches()) {
      String hint = SHELL_VARIABLE.matcher(node.text).matches()
          ? " It looks like a shell variable; write \"${env:NAME}\" instead."
          : " A secret in a policy file leaks: the file is reviewed, diffed and copied, and every copy holds it.";
      problems.at(node, path + " is a literal secret, and a policy file accepts secrets by reference only."
          + hint + " Write \"${env:NAME}\" or \"${file:/path/to/secret}\" and provide the secret there.");
      return null;
    }
    return reference.group(1).equals("env")
        ? environmentVariable(node, path, reference.group(2), problems)
        : file(node, path, reference.group(2), problems);
  }

  private String environmentVariable(Node node, String path, String name, Problems problems) {
    if (!ENV_NAME.matcher(name).matches()) {
      problems.at(node, path + " names environment variable '" + name + "', which is not a valid name: use"
          + " letters, digits and '_', not starting with a digit.");
      return null;
    }
    if (environment == null) return UNRESOLVED;
    String value = environment.get(name);
    if (value == null) {
      problems.at(node, path + " refers to environment variable " + name + ", which is not set. Set it for the"
          + " process that loads the policy.");
      return null;
    }
    if (value.isEmpty()) {
      problems.at(node, path + " refers to environment variable " + name + ", which is empty.");
      return null;
    }
    return value;
  }

  private String file(Node node, String path, String fileName, Problems problems) {
    if (fileName.isEmpty()) {
      problems.at(node, path + " is \"${file:}\" without a path: write \"${file:/run/secrets/name}\".");
      return null;
    }
    Path file = files.resolve(node, path, fileName, problems);
    if (file == null) return null;
    if (environment == null) return UNRESOLVED;
    byte[] bytes = LocalFiles.read(file, MAX_SECRET_FILE_BYTES, node, path, problems);
    if (bytes == null) return null;
    String value = trimTrailingNewlines(new String(bytes, StandardCharsets.UTF_8));
    if (value.isEmpty()) {
      problems.at(node, path + " refers to " + file + ", which is empty.");
      return null;
    }
    return value;
  }

  /** Files written by editors and {@code echo} end in a newline that is not part of the secret. */
  private static String trimTrailingNewlines(String value) {
    int end = value.length();
    while (end > 0 && (value.charAt(end - 1) == '\n' || value.charAt(end - 1) == '\r')) end--;
    return value.substring(0, end);
  }
}
