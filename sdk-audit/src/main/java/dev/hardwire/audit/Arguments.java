package dev.hardwire.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A command's arguments split into options and operands. Accepts {@code --name value} and
 * {@code --name=value}; {@code --} ends the options. Unknown options are usage errors that list
 * the known ones.
 */
final class Arguments {
  private final String command;
  private final Set<String> flags;
  private final Set<String> valued;
  private final List<String[]> options = new ArrayList<>();
  private final List<String> operands = new ArrayList<>();

  private Arguments(String command, Set<String> flags, Set<String> valued) {
    this.command = command;
    this.flags = flags;
    this.valued = valued;
  }

  static Arguments parse(String command, List<String> args, Set<String> flags,
      Set<String> valued) throws UsageException {
    Arguments parsed = new Arguments(command, flags, valued);
    parsed.read(args);
    return parsed;
  }

  private void read(List<String> args) throws UsageException {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        operands.addAll(args.subList(i + 1, args.size()));
        return;
      }
      if (!arg.startsWith("--") || arg.length() == 2) {
        operands.add(arg);
        continue;
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg : arg.substring(0, equals);
      if (flags.contains(name) && equals < 0) {
        options.add(new String[] {name, null});
      } else if (valued.contains(name)) {
        String value = equals >= 0 ? arg.substring(equals + 1)
            : i + 1 < args.size() ? args.get(++i) : null;
        if (value == null || value.isEmpty()) {
          throw new UsageException(name + " needs a value: " + command + " " + name + " VALUE");
        }
        options.add(new String[] {name, value});
      } else {
        List<String> known = new ArrayList<>(flags);
        known.addAll(valued);
        known.sort(null);
        throw new UsageException("unknown option " + name + " for " + command
            + "; known options: " + String.join(", ", known));
      }
    }
  }

  boolean has(String flag) {
    return options.stream().anyMatch(option -> option[0].equals(flag));
  }

  /** The last value given for {@code option}, or {@code fallback}. */
  String value(String option, String fallback) {
    String value = fallback;
    for (String[] o : options) {
      if (o[0].equals(option)) {
        value = o[1];
      }
    }
    return value;
  }

  List<String> operands() {
    return operands;
  }
}
