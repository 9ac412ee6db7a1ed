package vn.giamngheo.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for machine clients of the API (issue 20 point 6). A token is {@code gnp_} and 32 random
 * bytes in base64url (43 characters), shown once when it is created; the table keeps only its SHA-256 hash, its name,
 * when it was created, when it expires (at most {@value #MAX_DAYS} days later), when it was last used (the first use of
 * each day is written, and so audited) and when and by whom it was revoked. A request with the token acts as its user,
 * with the user's role and area as a session would ({@link BearerTokenFilter}); a disabled account's tokens stop working
 * with it. Every change of a token row is audited by the database (V43, without the hash).
 */
@Repository
public class AccessTokens {

    public static final String PREFIX = "gnp_";
    public static final int MAX_DAYS = 365;
    public static final int MAX_NAME = 100;
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SELECT = """
            SELECT t.id, t.user_id, u.username, t.name, t.created_at, t.expires_at, t.last_used_at, t.revoked_at,
                   t.revoked_by
            FROM access_token t JOIN app_user u ON u.id = t.user_id
            """;

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final Clock clock;

    AccessTokens(JdbcClient jdbc, UserAccounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** One token as the account pages show it (never the token itself). */
    public record TokenInfo(long id, long userId, String username, String name, Instant createdAt, Instant expiresAt,
                            Instant lastUsedAt, Instant revokedAt, String revokedBy) {

        public boolean revoked() {
            return revokedAt != null;
        }

        public boolean expiredAt(Instant now) {
            return !expiresAt.isAfter(now);
        }

        /** {@code active}, {@code expired} or {@code revoked}. */
        public String state(Instant now) {
            return revoked() ? "revoked" : expiredAt(now) ? "expired" : "active";
        }
    }

    /** A token just created: {@code token} is shown to its user this once and kept nowhere. */
    public record Created(TokenInfo info, String token) {
    }

    /** Why a token request is refused: the message keys of the account page. */
    public static List<String> problems(String name, LocalDate expires, LocalDate today) {
        List<String> problems = new ArrayList<>();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            problems.add("token.error.name");
        } else if (n.length() > MAX_NAME) {
            problems.add("token.error.nameLength");
        }
        if (expires == null) {
            problems.add("token.error.expires");
        } else if (!expires.isAfter(today)) {
            problems.add("token.error.expiresPast");
        } else if (expires.isAfter(today.plusDays(MAX_DAYS))) {
            problems.add("token.error.expiresYear");
        }
        return problems;
    }

    /**
     * Creates a token for the user, valid until the end of {@code expires} (Vietnam time), which must be after today and
     * at most {@value #MAX_DAYS} days away; the name says what the token is for.
     */
    @Transactional
    public Created create(CurrentUser user, String name, LocalDate expires) {
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        List<String> problems = problems(name, expires, today);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("token refused: " + problems);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        // the last second of the chosen day (so the pages show that day), but never more than a year after now (the
        // table checks it again)
        Instant end = expires.atTime(23, 59, 59).atZone(VIETNAM).toInstant();
        Instant latest = now.plus(java.time.Duration.ofDays(MAX_DAYS));
        long id = jdbc.sql("""
                        INSERT INTO access_token (user_id, name, token_hash, created_at, expires_at)
                        VALUES (:user, :name, :hash, :now, :expires) RETURNING id""")
                .param("user", user.id()).param("name", name.strip()).param("hash", hash(token))
                .param("now", java.sql.Timestamp.from(now))
                .param("expires", java.sql.Timestamp.from(end.isAfter(latest) ? latest : end))
                .query(Long.class).single();
        return new Created(byId(id).orElseThrow(), token);
    }

    /** The user's tokens, newest first. */
    public List<TokenInfo> of(long userId) {
        return jdbc.sql(SELECT + " WHERE t.user_id = :user ORDER BY t.created_at DESC, t.id DESC")
                .param("user", userId).query(AccessTokens::map).list();
    }

    /** Every token of every user (the administrator's page), newest first. */
    public List<TokenInfo> all() {
        return jdbc.sql(SELECT + " ORDER BY t.created_at DESC, t.id DESC").query(AccessTokens::map).list();
    }

    public Optional<TokenInfo> byId(long id) {
        return jdbc.sql(SELECT + " WHERE t.id = :id").param("id", id).query(AccessTokens::map).optional();
    }

    /**
     * Revokes a token of the user (or, for an administrator, of anyone). Returns false when there is no such token in
     * reach or it was already revoked (revoking twice changes nothing).
     */
    @Transactional
    public boolean revoke(long id, CurrentUser by) {
        return jdbc.sql("""
                        UPDATE access_token SET revoked_at = now(), revoked_by = :by
                        WHERE id = :id AND revoked_at IS NULL AND (:admin OR user_id = :user)""")
                .param("id", id).param("by", by.getUsername()).param("admin", by.isAdmin()).param("user", by.id())
                .update() == 1;
    }

    /**
     * The user a token acts for: empty when the text is not a token of ours, or the token is unknown, revoked or
     * expired, or its account is disabled. The first use of each day (Vietnam time) is written to the token's row.
     */
    @Transactional
    public Optional<CurrentUser> authenticate(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        Optional<Long> match = jdbc.sql("""
                        SELECT t.user_id FROM access_token t JOIN app_user u ON u.id = t.user_id
                        WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now AND u.enabled""")
                .param("hash", hash(token)).param("now", java.sql.Timestamp.from(clock.instant()))
                .query(Long.class).optional();
        return match.flatMap(accounts::findById);
    }

    /** Writes the first use of the day (Vietnam time); called once the user is known, so the audit names them. */
    @Transactional
    public void used(String token) {
        Instant now = clock.instant();
        Instant dayStart = LocalDate.ofInstant(now, VIETNAM).atStartOfDay(VIETNAM).toInstant();
        jdbc.sql("""
                        UPDATE access_token SET last_used_at = :now
                        WHERE token_hash = :hash AND (last_used_at IS NULL OR last_used_at < :dayStart)""")
                .param("now", java.sql.Timestamp.from(now)).param("dayStart", java.sql.Timestamp.from(dayStart))
                .param("hash", hash(token)).update();
    }

    /** {@code gnp_} and 43 characters of base64url: anything else is not looked up. */
    static boolean wellFormed(String token) {
        return token != null && token.length() == PREFIX.length() + 43 && token.startsWith(PREFIX)
                && token.substring(PREFIX.length()).chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128
                || c == '-' || c == '_');
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private static TokenInfo map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new TokenInfo(rs.getLong("id"), rs.getLong("user_id"), rs.getString("username"), rs.getString("name"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at")),
                rs.getString("revoked_by"));
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
