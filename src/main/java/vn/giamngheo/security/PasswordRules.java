package vn.giamngheo.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The password rules, plain Java: at least {@code minLength} characters, at most 72 bytes in UTF-8 (BCrypt reads no
 * more), not the user name, not one of the most common passwords — neither whole nor with digits and signs added at
 * its end ("password2026!"), compared without case. Every broken rule is reported, as a message key.
 */
public final class PasswordRules {

    /** The list shipped with the application: 10,000 common passwords (resource {@code security/common-passwords.txt}). */
    public static final String COMMON_PASSWORDS = "security/common-passwords.txt";

    public static final String TOO_SHORT = "password.error.tooShort";
    public static final String TOO_LONG = "password.error.tooLong";
    public static final String USERNAME = "password.error.username";
    public static final String COMMON = "password.error.common";
    public static final String BLANK = "password.error.blank";

    private static final int MAX_BYTES = 72;

    private final int minLength;
    private final Set<String> common;

    public PasswordRules(int minLength, Set<String> common) {
        if (minLength < 1) {
            throw new IllegalArgumentException("minimum length must be positive: " + minLength);
        }
        this.minLength = minLength;
        this.common = Set.copyOf(common);
    }

    public int minLength() {
        return minLength;
    }

    /** The message keys of the rules the password breaks, in a fixed order; empty when it may be used. */
    public List<String> problems(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isBlank()) {
            problems.add(BLANK);
            return problems;
        }
        if (password.codePointCount(0, password.length()) < minLength) {
            problems.add(TOO_SHORT);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add(TOO_LONG);
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.equals(username.strip().toLowerCase(Locale.ROOT))) {
            problems.add(USERNAME);
        }
        String base = lower.replaceAll("[\\p{N}\\p{P}\\p{S}\\s]+$", "");
        if (common.contains(lower) || (!base.isEmpty() && common.contains(base))) {
            problems.add(COMMON);
        }
        return problems;
    }

    /** Reads a list of passwords, one a line; lines starting with {@code #} and blank lines are skipped. */
    public static Set<String> readList(InputStream in) {
        Set<String> words = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** The shipped list of common passwords. */
    public static Set<String> shippedList() {
        InputStream in = PasswordRules.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS);
        if (in == null) {
            throw new IllegalStateException("missing resource " + COMMON_PASSWORDS);
        }
        return readList(in);
    }
}
