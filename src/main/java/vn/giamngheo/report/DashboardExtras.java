package vn.giamngheo.report;

import org.springframework.stereotype.Component;
import vn.giamngheo.monitoring.MonitoringReports;
import vn.giamngheo.security.CurrentUser;

/**
 * Parts of the dashboard that other modules provide: the overdue periodic monitoring reports of the selected
 * unit, within the user's area ({@code programme}). Units furthest from their targets are not shown: the monitoring targets exist, but
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

    static final int OVERDUE_SHOWN = 20;

    /** The overdue monitoring reports of the dashboard's unit (the user's area for the country), the first 20 and their number. */
    MonitoringReports.Overdue overdue(ReportContext ctx, CurrentUser user) {
        return monitoring.overdue(ctx.unitId(), user, reports.today(), OVERDUE_SHOWN);
    }
}
