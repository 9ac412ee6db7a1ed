package vn.giamngheo.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code create-admin}: the password from the console or standard input, twice, checked by the policy, audited. */
@Tag("database")
@SpringBootTest
class CreateAdminCommandTest {

    @Autowired CreateAdminCommand command;
    @Autowired UserAccounts users;
    @Autowired JdbcClient jdbc;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String username, String first, String second) {
        return command.run(List.of("--username", username), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                prompt -> new char[][] {first == null ? null : first.toCharArray(), second == null ? null : second.toCharArray()});
    }

    private static String name() {
        return "quantri" + System.nanoTime() % 10_000_000;
    }

    @Test
    void createsAnAuditedAdministratorWhoNeedNotChangeTheirPassword() {
        String name = name();
        assertThat(run(name, "song lo chay qua tuyen quang", "song lo chay qua tuyen quang")).isZero();
        CurrentUser admin = users.findByUsername(name).orElseThrow();
        assertThat(admin.isAdmin()).isTrue();
        assertThat(admin.mustChangePassword()).isFalse();
        assertThat(users.passwordMatches(name, "song lo chay qua tuyen quang")).isTrue();
        assertThat(users.anAdministratorExists()).isTrue();
        assertThat(jdbc.sql("SELECT username FROM audit_log WHERE entity = 'app_user' AND action = 'CREATE' "
                + "AND after_value ->> 'username' = :u").param("u", name).query(String.class).single())
                .isEqualTo(CreateAdminCommand.ACTOR);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("administrator " + name + " created");
    }

    @Test
    void refusesWhatItMustAndWritesNothing() {
        String name = name();
        assertThat(run(name, "song lo chay qua tuyen quang", "song lo chay qua tuyen quan")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the two passwords differ");
        assertThat(run(name, "password123456", "password123456")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("most common passwords");
        assertThat(run(name, "ngan", "ngan")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least 12 characters");
        assertThat(run(name, null, null)).isEqualTo(2);
        assertThat(run("Sai Ten!", "song lo chay qua tuyen quang", "song lo chay qua tuyen quang")).isEqualTo(2);
        assertThat(users.exists(name)).isFalse();
        assertThat(command.run(List.of("--username", name, "--password", "song lo chay qua tuyen quang"),
                new PrintStream(out), new PrintStream(err), prompt -> new char[][] {"x".toCharArray(), "x".toCharArray()}))
                .as("never a password argument").isEqualTo(2);
        assertThat(users.exists(name)).isFalse();
    }

    @Test
    void refusesATakenName() {
        String name = name();
        assertThat(run(name, "song lo chay qua tuyen quang", "song lo chay qua tuyen quang")).isZero();
        assertThat(run(name, "song lo chay qua tuyen quang", "song lo chay qua tuyen quang")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already taken");
    }
}
