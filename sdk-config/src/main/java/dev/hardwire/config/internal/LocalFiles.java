package dev.hardwire.config.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The files a policy names (trust anchor PEMs, secret files): relative paths are relative to the
 * policy file's directory, so that a policy and its certificates can be deployed together.
 */
final class LocalFiles {
  /** Null when the policy came from a stream without a base directory. */
  private final Path baseDirectory;

  LocalFiles(Path baseDirectory) {
    this.baseDirectory = baseDirectory;
  }

  /** Returns the path {@code node} names, or null after recording why it cannot be used. */
  Path resolve(Node node, String what, String value, Problems problems) {
    Path path;
    try {
      path = Paths.get(value);
    } catch (InvalidPathException e) {
      problems.at(node, what + " is not a valid path: " + e.getReason() + ".");
      return null;
    }
    if (path.isAbsolute()) return path;
    if (baseDirectory == null) {
      problems.at(node, what + " is a relative path, but this policy was read from a stream and has no"
          + " directory to resolve it against. Use an absolute path, inline PEM, or"
          + " PolicyLoader.builder().baseDirectory(dir).");
      return null;
    }
    return baseDirectory.resolve(path);
  }

  /** Returns the file's bytes, or null after recording why they cannot be read. */
  static byte[] read(Path path, int maxBytes, Node node, String what, Problems problems) {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] bytes = readAtMost(in, maxBytes);
      if (bytes == null) {
        problems.at(node, what + " names " + path + ", which is larger than " + maxBytes + " bytes; that is not"
            + " what it should hold.");
      }
      return bytes;
    } catch (IOException | SecurityException e) {
      // The exception's own message may repeat the path only; its type says what went wrong.
      problems.at(node, what + " names " + path + ", which cannot be read (" + e.getClass().getSimpleName()
          + "). Check that it exists and that this process may read it.");
      return null;
    }
  }

  /** The stream's bytes, or null if it holds more than {@code maxBytes}. */
  static byte[] readAtMost(InputStream in, int maxBytes) throws IOException {
    byte[] buffer = new byte[maxBytes + 1];
    int length = 0;
    int read;
    while (length < buffer.length && (read = in.read(buffer, length, buffer.length - length)) != -1) {
      length += read;
    }
    if (length > maxBytes) return null;
    byte[] result = new byte[length];
    System.arraycopy(buffer, 0, result, 0, length);
    return result;
  }
}
