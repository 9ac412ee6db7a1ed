package vn.giamngheo.report;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.giamngheo.programme.MonitoringReports;
import vn.giamngheo.programme.Report;
import vn.giamngheo.security.CurrentUser;

/**
 * Parts of the dashboard that other modules provide: the overdue periodic monitoring reports of the area
 * ({@code programme}). Units furthest from their targets are not shown: the monitoring targets exist, but
 * which target measures the poverty rate is not recorded, so no distance can be computed honestly.
 */
@Component
class DashboardExtras {

    private final MonitoringReports monitoring;
    private final ReportService reports;

    DashboardExtras(MonitoringReports monitoring, ReportService reports) {
        this.monitoring = monitoring;
        this.reports = reports;
    }

    List<Report> overdue(CurrentUser user) {
        return monitoring.overdue(user.scope(), reports.today()).stream().limit(20).toList();
    }
}
