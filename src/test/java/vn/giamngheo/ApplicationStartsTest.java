package vn.giamngheo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@org.junit.jupiter.api.Tag("database")
@SpringBootTest
class ApplicationStartsTest {
    @Autowired JdbcClient jdbc;

    @Test
    void runsOnPostgres() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).contains("PostgreSQL");
    }
}
