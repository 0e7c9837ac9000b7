package io.windbell.loadgen.cli;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line, parsed by hand: a command word, then {@code --name value} or {@code --name=value} options.
 * {@code --help} (or {@code -h}) anywhere asks for help. Typed getters check ranges and say what is wrong.
 */
public final class Args {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

    private final String command;
    private final Map<String, String> options;
    private final boolean help;

    private Args(String command, Map<String, String> options, boolean help) {
        this.command = command;
        this.options = options;
        this.help = help;
    }

    public static Args parse(String... argv) throws UsageException {
        String command = null;
        boolean help = false;
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            if (arg.equals("--help") || arg.equals("-h") || arg.equals("help")) {
                help = true;
            } else if (arg.startsWith("--") && arg.length() > 2) {
                String name = arg.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
                    value = argv[++i];
                } else {
                    throw new UsageException("option --" + name + " needs a value");
                }
                if (options.put(name, value) != null) {
                    throw new UsageException("option --" + name + " given twice");
                }
            } else if (command == null && !arg.startsWith("-")) {
                command = arg;
            } else {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
        }
        return new Args(command, options, help);
    }

    public String command() {
        return command;
    }

    public boolean help() {
        return help;
    }

    public boolean has(String name) {
        return options.containsKey(name);
    }

    /** Fails on any option not in {@code allowed}. */
    public void allowOnly(Collection<String> allowed) throws UsageException {
        TreeSet<String> unknown = new TreeSet<>(options.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw new UsageException("unknown option" + (unknown.size() > 1 ? "s" : "") + " for '" + command + "': --"
                    + String.join(", --", unknown));
        }
    }

    public String string(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public String required(String name) throws UsageException {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("'" + command + "' needs --" + name);
        }
        return value;
    }

    public long integer(String name, long fallback, long min, long max) throws UsageException {
        String raw = options.get(name);
        if (raw == null) {
            return fallback;
        }
        try {
            return inRange(name, Long.parseLong(raw.replace("_", "")), min, max);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not '" + raw + "'");
        }
    }

    public double decimal(String name, double fallback, double min, double max) throws UsageException {
        String raw = options.get(name);
        if (raw == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(raw);
            if (!(value >= min && value <= max)) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", not " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, not '" + raw + "'");
        }
    }

    /** A duration such as {@code 500ms}, {@code 20s}, {@code 1.5m}, {@code 1h}; a bare number means seconds. */
    public Duration duration(String name, Duration fallback, Duration max) throws UsageException {
        String raw = options.get(name);
        if (raw == null) {
            return fallback;
        }
        Duration value = parseDuration(raw);
        if (value == null) {
            throw new UsageException("--" + name + " must be a duration like 500ms, 20s, 2m, not '" + raw + "'");
        }
        if (value.compareTo(max) > 0) {
            throw new UsageException("--" + name + " must be at most " + max.toSeconds() + "s");
        }
        return value;
    }

    static Duration parseDuration(String raw) {
        Matcher m = DURATION.matcher(raw.trim());
        if (!m.matches()) {
            return null;
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
        case "ms" -> amount;
        case "m" -> amount * 60_000;
        case "h" -> amount * 3_600_000;
        default -> amount * 1_000;
        };
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    private long inRange(String name, long value, long min, long max) throws UsageException {
        if (value < min || value > max) {
            throw new UsageException("--" + name + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }
}
