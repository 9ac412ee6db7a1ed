package vn.giamngheo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What every benchmark's {@code main} reads and prints: its {@code name=value} arguments and the load average. */
public final class BenchArgs {

    private BenchArgs() {
    }

    /** The value of {@code name=…} among the arguments, or {@code fallback}. */
    public static long arg(String[] args, String name, long fallback) {
        return Long.parseLong(text(args, name, Long.toString(fallback)));
    }

    /** The text of {@code name=…} among the arguments, or {@code fallback}. */
    public static String text(String[] args, String name, String fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return fallback;
    }

    /** The machine's load average as {@code /proc/loadavg} gives it (stated beside every figure), or "?". */
    public static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
