package vn.giamngheo.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock the monitoring tests set (reports are refused before their data end, and timeliness depends on the
 * day sent). Used only by the tests of the isolated "monitor2" context.
 */
@TestConfiguration
public class MonitoringTestClock {

    /** A clock whose day is set by the test, at noon in Vietnam. */
    public static final class Settable extends Clock {
        private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
        private volatile Instant now = Instant.now();

        public void setDay(LocalDate day) {
            now = day.atTime(12, 0).atZone(VIETNAM).toInstant();
        }

        public void reset() {
            now = Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return VIETNAM;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Bean
    @Primary
    Settable settableClock() {
        return new Settable();
    }
}
